"""Dependencies we dropped stay dropped (issue 21, item 14)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DROPPED = {
    # unused, and its load() treats non-image bytes as a path; a 40-byte TIFF header allocated ~14 GB
    "piexif",
}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[=<>!\[ ;]", r, maxsplit=1)[0].strip().lower() for r in requirements}


def test_dropped_packages_are_not_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = _names(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        pinned |= _names(extra)
    assert not pinned & DROPPED


def test_dropped_packages_are_not_imported() -> None:
    pattern = re.compile(r"^\s*(?:import|from)\s+(" + "|".join(DROPPED) + r")\b", re.M)
    users = [p for folder in ("src", "tests", "fuzz", "scripts", "bench") if (ROOT / folder).is_dir()
             for p in (ROOT / folder).rglob("*.py") if pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert users == []
