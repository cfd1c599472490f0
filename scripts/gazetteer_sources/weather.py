"""Weather and climate: Earth2Studio's forecast models and the data sources it reads, from its source (never imported)."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

from .common import Row, cased, version

# Exported model classes -> the name their papers use (`Pangu24` is one of Pangu-Weather's three lead times).
E2S_MODELS = {"FCN": ("FourCastNet", []), "FCN3": ("FourCastNet 3", ["FourCastNet3"]), "SFNO": ("SFNO", ["Spherical Fourier Neural Operator"]),
              "Pangu24": ("Pangu-Weather", ["Pangu Weather"]), "GraphCastOperational": ("GraphCast", []), "FengWu": ("FengWu", []),
              "FuXi": ("FuXi", []), "FuXiS2S": ("FuXi-S2S", []), "AIFS": ("AIFS", ["Artificial Intelligence Forecasting System"]),
              "DLWP": ("DLWP", ["Deep Learning Weather Prediction"]), "GenCastMini": ("GenCast", []), "CorrDiff": ("CorrDiff", []),
              "StormCast": ("StormCast", []), "ACE2ERA5": ("ACE2", []), "DLESyM": ("DLESyM", []), "CAMulator": ("CAMulator", []),
              "SamudrACE": ("SamudrACE", []), "ClimateNet": ("ClimateNet", []), "UCast": ("U-CAST", []),
              "WeatherNext2Cyclones": ("WeatherNext 2", [])}
E2S_ARCHITECTURES = {"SFNO", "DLWP"}  # a network design, a Method by the guidelines; the rest are trained forecast models


def earth2studio_rows() -> list[Row]:
    """The forecast models Earth2Studio wraps (`FCN` -> FourCastNet) and the data sets its sources serve (`CDS_ERA5` -> ERA5).

    A data source counts by the short upper-case, numbered parts of its class name that the package's
    docstrings write as a name (`ERA5`, `CMIP6`); a model only where Earth2Studio exports it.
    """
    spec = importlib.util.find_spec("earth2studio")
    if spec is None:
        raise ImportError("earth2studio is not installed")
    root, source, rows = Path(spec.origin).parent, version("earth2studio"), []
    exported = {a.name for sub in ("models/px", "models/dx", "data") for node in ast.parse((root / sub / "__init__.py").read_text(encoding="utf-8")).body
                if isinstance(node, ast.ImportFrom) for a in node.names}
    for cls, (name, aliases) in E2S_MODELS.items():
        if cls in exported:
            rows.append(Row(name, "Method" if cls in E2S_ARCHITECTURES else "Model", source, list(aliases)))
    prose = "\n".join(ast.get_docstring(n) or "" for path in sorted((root / "data").glob("*.py"))
                      for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ClassDef))
    parts = {p for cls in exported for p in re.split(r"_|(?<=[a-z])(?=[A-Z])", cls) if re.fullmatch(r"(?=.*\d)[A-Z][A-Z0-9]{3,5}", p)}
    rows += [Row(form, "Benchmark", source) for part in sorted(parts) if (form := cased(part, prose))]
    return rows
