"""Load and validate profile files, with JA/EN errors that point at the bad line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from gazoguard.catalogue import CATEGORIES, kinds
from gazoguard.errors import GazoError
from gazoguard.levels import Level

ACTIONS = ("accept", "refuse", "escalate", "ask_to_mask", "report")
_TOP_KEYS = {
    "name", "ja", "en", "description_ja", "description_en", "three_questions", "failure_level",
    "levels", "min_score", "actions", "limits", "help", "extends",
}


@dataclass(frozen=True)
class ActionRule:
    action: str
    categories: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    min_level: Level = Level.SAFE

    def matches(self, kind: str, category: str, level: Level) -> bool:
        hit = kind in self.kinds or category in self.categories or (not self.kinds and not self.categories)
        return hit and level.rank >= self.min_level.rank


@dataclass(frozen=True)
class Profile:
    name: str
    ja: str
    en: str
    description_ja: str
    description_en: str
    three_questions: bool = False
    failure_level: Level = Level.CAUTION
    category_levels: Mapping[str, Level] = field(default_factory=dict)
    kind_levels: Mapping[str, Level] = field(default_factory=dict)
    min_score: Mapping[str, float] = field(default_factory=dict)
    actions: tuple[ActionRule, ...] = ()
    limits: Mapping[str, Any] = field(default_factory=dict)
    help: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""

    def level_for(self, kind: str, category: str) -> Level:
        if kind in self.kind_levels:
            return self.kind_levels[kind]
        return self.category_levels.get(category, Level.CAUTION)

    def counts(self, kind: str, score: float) -> bool:
        return score >= self.min_score.get(kind, 0.0)

    @property
    def has_actions(self) -> bool:
        return bool(self.actions)


def builtin_names() -> list[str]:
    folder = resources.files("gazoguard.profiles")
    return sorted(p.name[:-5].replace("_", "-") for p in folder.iterdir() if p.name.endswith(".toml"))


def list_profiles() -> list[Profile]:
    return [load_profile(n) for n in builtin_names()]


def load_profile(name_or_path: str | Path) -> Profile:
    """A shipped profile by name (``personal``, ``teen``, …) or a profile file by path."""
    if isinstance(name_or_path, Profile):  # type: ignore[unreachable]
        return name_or_path  # type: ignore[unreachable]
    text_name = str(name_or_path)
    if text_name.endswith(".toml") or "/" in text_name or Path(text_name).is_file():
        path = Path(text_name)
        if not path.is_file():
            raise GazoError("unknown_profile", name=text_name)
        return parse_profile(path.read_text(encoding="utf-8"), str(path))
    return _builtin(text_name)


@cache
def _builtin(name: str) -> Profile:
    if name not in builtin_names():
        raise GazoError("unknown_profile", name=name)
    ref = resources.files("gazoguard.profiles").joinpath(name.replace("-", "_") + ".toml")
    return parse_profile(ref.read_text(encoding="utf-8"), f"{name}.toml")


def parse_profile(text: str, source: str) -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise GazoError("bad_profile", path=source, line=match.group(1) if match else "?", detail=str(exc)) from None
    if "extends" in data:
        base = load_profile(data["extends"])
        data = _merge(_as_data(base), data)
    return _validate(data, text, source)


def _line_of(text: str, needle: str) -> int | str:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\"?{re.escape(needle)}\"?\s*=", line) or line.strip() == f"[{needle}]":
            return number
    return "?"


def _fail(text: str, source: str, key: str, detail: str) -> GazoError:
    return GazoError("bad_profile", path=source, line=_line_of(text, key), detail=detail)


def _level(value: Any, text: str, source: str, key: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        allowed = ", ".join(lv.value for lv in Level)
        raise _fail(text, source, key, f"{key} = {value!r}: level must be one of {allowed}") from None


def _validate(data: dict[str, Any], text: str, source: str) -> Profile:
    for key in data:
        if key not in _TOP_KEYS:
            raise _fail(text, source, key, f"unknown key {key!r}")
    for key in ("name", "ja", "en"):
        if not isinstance(data.get(key), str) or not data.get(key):
            raise _fail(text, source, key, f"{key!r} is required (a string)")
    levels = data.get("levels", {})
    category_levels = {}
    for category, value in levels.get("category", {}).items():
        if category not in CATEGORIES:
            raise _fail(text, source, category, f"unknown category {category!r}")
        category_levels[category] = _level(value, text, source, category)
    kind_levels = {}
    for kind, value in levels.get("kind", {}).items():
        if kind not in kinds():
            raise _fail(text, source, kind, f"unknown finding kind {kind!r}")
        kind_levels[kind] = _level(value, text, source, kind)
    min_score = {}
    for kind, value in data.get("min_score", {}).items():
        if kind not in kinds():
            raise _fail(text, source, kind, f"unknown finding kind {kind!r}")
        if not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise _fail(text, source, kind, f"min_score {kind} must be a number from 0 to 1")
        min_score[kind] = float(value)
    actions = tuple(_action_rule(rule, text, source) for rule in data.get("actions", []))
    return Profile(
        name=data["name"],
        ja=data["ja"],
        en=data["en"],
        description_ja=data.get("description_ja", ""),
        description_en=data.get("description_en", ""),
        three_questions=bool(data.get("three_questions", False)),
        failure_level=_level(data.get("failure_level", "caution"), text, source, "failure_level"),
        category_levels=MappingProxyType(category_levels),
        kind_levels=MappingProxyType(kind_levels),
        min_score=MappingProxyType(min_score),
        actions=actions,
        limits=MappingProxyType(dict(data.get("limits", {}))),
        help=MappingProxyType(dict(data.get("help", {}))),
        source=source,
    )


def _action_rule(rule: Any, text: str, source: str) -> ActionRule:
    if not isinstance(rule, dict) or rule.get("action") not in ACTIONS:
        raise _fail(text, source, "action", f"each [[actions]] needs action = one of {', '.join(ACTIONS)}")
    cats = frozenset(rule.get("categories", []))
    bad = cats - set(CATEGORIES)
    if bad:
        raise _fail(text, source, "categories", f"unknown categories {sorted(bad)}")
    knds = frozenset(rule.get("kinds", []))
    bad = knds - set(kinds())
    if bad:
        raise _fail(text, source, "kinds", f"unknown kinds {sorted(bad)}")
    return ActionRule(rule["action"], cats, knds, _level(rule.get("min_level", "safe"), text, source, "min_level"))


def _as_data(p: Profile) -> dict[str, Any]:
    return {
        "name": p.name, "ja": p.ja, "en": p.en,
        "description_ja": p.description_ja, "description_en": p.description_en,
        "three_questions": p.three_questions, "failure_level": p.failure_level.value,
        "levels": {
            "category": {k: v.value for k, v in p.category_levels.items()},
            "kind": {k: v.value for k, v in p.kind_levels.items()},
        },
        "min_score": dict(p.min_score),
        "actions": [
            {"action": r.action, "categories": sorted(r.categories), "kinds": sorted(r.kinds), "min_level": r.min_level.value}
            for r in p.actions
        ],
        "limits": dict(p.limits), "help": dict(p.help),
    }


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key == "extends":
            continue
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out
