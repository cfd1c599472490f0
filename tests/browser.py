"""A real headless Chromium for the HTML tests: a page opened from a file, with every error and request it caused.

The `browser` fixture (in conftest.py) starts Chromium once per module; it
skips where Chromium is not installed, but fails under CI, which must run
the browser tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Screenshots go here when KG_SCREENSHOTS names a folder (to look at them), else to the test's tmp folder.
SHOTS = os.environ.get("KG_SCREENSHOTS")


class Opened:
    """A page loaded from a file (`hash` appended to its URL) and ready; console messages `ignore` accepts are not errors."""

    def __init__(self, browser, path: Path, hash: str = "", *, viewport: tuple[int, int] = (1280, 860), timeout: int = 30_000,
                 ignore: Callable[[str], bool] = lambda message: False):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type in ("error", "warning") and not ignore(msg.text) else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri() + hash)
        self.page.wait_for_function("() => window.kg && window.kg.ready", timeout=timeout)

    def pixels(self, colour: str) -> int:
        """How many canvas pixels are exactly `colour`: what the network really drew."""
        return self.page.evaluate(
            """(hex) => {
                const canvas = document.querySelector('#kg-network canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
                let count = 0;
                for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
                return count;
            }""",
            colour,
        )

    def click_node(self, node: str) -> None:
        point = self.page.evaluate(f"kg.network.canvasToDOM(kg.network.getPosition('{node}'))")
        box = self.page.locator("#kg-network").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def shot(self, name: str, tmp_path: Path) -> Path:
        path = Path(SHOTS or tmp_path) / name
        self.page.screenshot(path=path)
        return path
