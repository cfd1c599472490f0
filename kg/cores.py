"""How many processes "every core" means, for extraction's pools and the exports' alike."""

from __future__ import annotations

import os


def default_jobs() -> int:
    """The cores this process may run on (its affinity mask, not the machine's core count)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
