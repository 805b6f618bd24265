"""The risk catalogue (finding kinds, categories, labels, fixes) loaded from catalogue.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

CATEGORIES = (
    "identity",
    "personal_text",
    "document",
    "code",
    "screen",
    "place",
    "sexual",
    "minor",
    "hidden_data",
    "analysis",
)


@dataclass(frozen=True, slots=True)
class KindInfo:
    kind: str
    category: str
    ja: str
    en: str
    fix: str


@cache
def _data() -> dict:
    text = resources.files("gazoguard.core").joinpath("catalogue.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def kinds() -> dict[str, KindInfo]:
    return {
        name: KindInfo(name, v["category"], v["ja"], v["en"], v["fix"])
        for name, v in _data()["kinds"].items()
    }


def kind_info(kind: str) -> KindInfo:
    try:
        return kinds()[kind]
    except KeyError:
        raise KeyError(f"unknown finding kind {kind!r}; add it to catalogue.toml") from None


def category_of(kind: str) -> str:
    return kind_info(kind).category


def category_label(category: str) -> dict[str, str]:
    return dict(_data()["categories"][category])


def fix_text(fix: str) -> dict[str, str]:
    return dict(_data()["fixes"][fix])


def kinds_in(category: str) -> list[str]:
    return [k for k, info in kinds().items() if info.category == category]
