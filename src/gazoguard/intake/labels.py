"""Japanese and English labels for every code the console and the customer pages show (``labels.toml``)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, tuple[str, str]]]:
    data = tomllib.loads((resources.files("gazoguard.intake") / "labels.toml").read_text(encoding="utf-8"))
    return {group: {code: (pair[0], pair[1]) for code, pair in rows.items()} for group, rows in data.items()}


def pair(group: str, code: object) -> tuple[str, str]:
    """(Japanese, English) for ``code`` in ``group``; an unknown code is shown as written in both."""
    key = str(code).lower() if isinstance(code, bool) else str(code)
    return table().get(group, {}).get(key, (key, key))


def label(group: str, code: object, lang: str = "ja") -> str:
    ja, en = pair(group, code)
    return en if lang == "en" else ja
