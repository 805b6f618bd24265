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

from gazoguard.core.catalogue import CATEGORIES, kinds
from gazoguard.core.errors import GazoError
from gazoguard.core.levels import Level

ACTIONS = ("accept", "refuse", "escalate", "ask_to_mask", "report")
_TOP_KEYS = {
    "name", "ja", "en", "description_ja", "description_en", "three_questions", "failure_level",
    "levels", "min_score", "actions", "limits", "help", "advice", "extends",
}
_ACTION_KEYS = {"action", "categories", "kinds", "min_level", "red_line", "detector_failed"}

#: performer limits: a finding of these kinds crosses the limit when it is switched on
LIMIT_KINDS: dict[str, frozenset[str]] = {
    "never_face": frozenset({"face", "reflection"}),
    "never_room": frozenset({"room_interior", "window_view"}),
}
#: ``max_exposure`` → the sexual kinds that go beyond it
EXPOSURE_BEYOND: dict[str, frozenset[str]] = {
    "none": frozenset(k for k, info in kinds().items() if info.category == "sexual"),
    "covered": frozenset({"exposed_breast", "exposed_buttocks", "exposed_genitals", "exposed_anus", "sexual_image"}),
    "exposed": frozenset(),
}
LIMIT_TEXT: dict[str, tuple[str, str]] = {
    "never_face": ("顔を写さない", "never a face"),
    "never_room": ("部屋を写さない", "never the room"),
    "max_exposure": ("露出の上限", "the exposure limit"),
}


@dataclass(frozen=True)
class ActionRule:
    """One step of a judgement flow; the first rule that matches gives the action.

    A rule matches a finding by kind or category (neither = any finding) at or
    above ``min_level``; a ``red_line`` rule matches sexual content with a minor
    signal; a ``detector_failed`` rule matches a check that could not finish.
    """

    action: str
    categories: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    min_level: Level = Level.SAFE
    red_line: bool = False
    detector_failed: bool = False

    @property
    def is_condition(self) -> bool:
        return self.red_line or self.detector_failed

    def matches(self, kind: str, category: str, level: Level) -> bool:
        if self.is_condition:
            return False
        hit = kind in self.kinds or category in self.categories or (not self.kinds and not self.categories)
        return hit and level.rank >= self.min_level.rank

    def matches_condition(self, *, red_line: bool, detector_failed: bool) -> bool:
        return (self.red_line and red_line) or (self.detector_failed and detector_failed)


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
    #: kind → the limit it crosses (performer ``[limits]``), resolved on load
    limit_kinds: Mapping[str, str] = field(default_factory=dict)
    #: whom to ask for help (``[[help.contacts]]``) and from which level on it is shown
    help_contacts: tuple[Mapping[str, str], ...] = ()
    help_min_level: Level = Level.DANGER
    #: kind or category → (ja, en) advice that replaces the catalogue's fix
    advice: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def level_for(self, kind: str, category: str) -> Level:
        if kind in self.limit_kinds:
            return Level.BLOCK
        if kind in self.kind_levels:
            return self.kind_levels[kind]
        return self.category_levels.get(category, Level.CAUTION)

    def limit_for(self, kind: str) -> str | None:
        """The name of the user-set limit this kind crosses (``never_face``, …), or None."""
        return self.limit_kinds.get(kind)

    def advice_for(self, kind: str, category: str) -> tuple[str, str] | None:
        return self.advice.get(kind) or self.advice.get(category)

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
        data = _extend(data, text, source)
    return _validate(data, text, source)


def _extend(data: dict[str, Any], text: str, source: str) -> dict[str, Any]:
    parent = data["extends"]
    if not isinstance(parent, str) or not parent:
        raise _fail(text, source, "extends", "extends must be the name or path of a profile")
    if parent.endswith(".toml") and not Path(parent).is_absolute():
        parent = str(Path(source).parent / parent)  # a file next to this one, not next to the working directory
    try:
        base = load_profile(parent)
    except GazoError as err:
        if err.code == "bad_profile":
            raise
        raise _fail(text, source, "extends", f"extends = {parent!r}: no such profile") from None
    merged = _merge(_as_data(base), data)
    if "name" not in data:
        merged["name"] = Path(source).stem.replace("_", "-")
    return merged


def _line_of(text: str, needle: str) -> int | str:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\"?{re.escape(needle)}\"?\s*=", line) or line.strip() == f"[{needle}]":
            return number
    return "?"


def _nth_header_line(text: str, header: str, n: int) -> int | str:
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == header:
            if seen == n:
                return number
            seen += 1
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
    for key in ("levels", "min_score", "limits", "help", "advice"):
        if not isinstance(data.get(key, {}), dict):
            raise _fail(text, source, key, f"{key} must be a table ([{key}])")
    if not isinstance(data.get("actions", []), list):
        raise _fail(text, source, "actions", "actions must be an array of tables ([[actions]])")
    for key in ("three_questions",):
        if not isinstance(data.get(key, False), bool):
            raise _fail(text, source, key, f"{key} must be true or false")
    for key in ("name", "ja", "en"):
        if not isinstance(data.get(key), str) or not data.get(key):
            raise _fail(text, source, key, f"{key!r} is required (a string)")
    levels = data.get("levels", {})
    for key in levels:
        if key not in ("category", "kind"):
            raise _fail(text, source, key, f"[levels] holds only [levels.category] and [levels.kind], not {key!r}")
    category_levels = {}
    for key in ("category", "kind"):
        if not isinstance(levels.get(key, {}), dict):
            raise _fail(text, source, key, f"levels.{key} must be a table ([levels.{key}])")
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
    actions = tuple(_action_rule(rule, n, text, source) for n, rule in enumerate(data.get("actions", [])))
    limits = dict(data.get("limits", {}))
    help_table = dict(data.get("help", {}))
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
        limits=MappingProxyType(limits),
        help=MappingProxyType(help_table),
        source=source,
        limit_kinds=MappingProxyType(_limit_kinds(limits, text, source)),
        help_contacts=_help_contacts(help_table, text, source),
        help_min_level=_level(help_table.get("min_level", "danger"), text, source, "min_level"),
        advice=MappingProxyType(_advice(data.get("advice", {}), text, source)),
    )


def _limit_kinds(limits: dict[str, Any], text: str, source: str) -> dict[str, str]:
    crossed: dict[str, str] = {}
    for key, value in limits.items():
        if key in LIMIT_KINDS:
            if not isinstance(value, bool):
                raise _fail(text, source, key, f"{key} must be true or false")
            if value:
                crossed.update({kind: key for kind in LIMIT_KINDS[key]})
        elif key == "max_exposure":
            if value not in EXPOSURE_BEYOND:
                raise _fail(text, source, key, f"max_exposure must be one of {', '.join(EXPOSURE_BEYOND)}")
            crossed.update({kind: key for kind in EXPOSURE_BEYOND[value]})
        else:
            known = ", ".join([*LIMIT_KINDS, "max_exposure"])
            raise _fail(text, source, key, f"unknown limit {key!r} (known: {known})")
    return crossed


def _help_contacts(help_table: dict[str, Any], text: str, source: str) -> tuple[Mapping[str, str], ...]:
    for key in help_table:
        if key not in ("min_level", "contacts"):
            raise _fail(text, source, key, f"[help] holds min_level and [[help.contacts]], not {key!r}")
    contacts = []
    for n, contact in enumerate(help_table.get("contacts", [])):
        if not isinstance(contact, dict) or not all(isinstance(contact.get(k), str) and contact.get(k) for k in ("ja", "en")):
            line = _nth_header_line(text, "[[help.contacts]]", n)
            raise GazoError("bad_profile", path=source, line=line, detail="each [[help.contacts]] needs ja and en strings")
        contacts.append(MappingProxyType({"ja": contact["ja"], "en": contact["en"]}))
    return tuple(contacts)


def _advice(table: dict[str, Any], text: str, source: str) -> dict[str, tuple[str, str]]:
    advice = {}
    for key, value in table.items():
        if key not in kinds() and key not in CATEGORIES:
            raise _fail(text, source, key, f"[advice] {key!r} is neither a finding kind nor a category")
        if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value.get(k) for k in ("ja", "en")):
            raise _fail(text, source, key, f"[advice] {key} needs ja and en strings")
        advice[key] = (value["ja"], value["en"])
    return advice


def _action_rule(rule: Any, n: int, text: str, source: str) -> ActionRule:
    def fail(detail: str) -> GazoError:
        line = _nth_header_line(text, "[[actions]]", n)
        return GazoError("bad_profile", path=source, line=line, detail=f"[[actions]] #{n + 1}: {detail}")

    if not isinstance(rule, dict) or rule.get("action") not in ACTIONS:
        raise fail(f"action must be one of {', '.join(ACTIONS)}")
    unknown = set(rule) - _ACTION_KEYS
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}")
    cats = frozenset(rule.get("categories", []))
    bad = cats - set(CATEGORIES)
    if bad:
        raise fail(f"unknown categories {sorted(bad)}")
    knds = frozenset(rule.get("kinds", []))
    bad = knds - set(kinds())
    if bad:
        raise fail(f"unknown kinds {sorted(bad)}")
    for flag in ("red_line", "detector_failed"):
        if not isinstance(rule.get(flag, False), bool):
            raise fail(f"{flag} must be true or false")
    try:
        min_level = Level(rule.get("min_level", "safe"))
    except ValueError:
        raise fail(f"min_level must be one of {', '.join(lv.value for lv in Level)}") from None
    return ActionRule(
        rule["action"], cats, knds, min_level,
        red_line=rule.get("red_line", False), detector_failed=rule.get("detector_failed", False),
    )


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
            {
                "action": r.action, "categories": sorted(r.categories), "kinds": sorted(r.kinds),
                "min_level": r.min_level.value, "red_line": r.red_line, "detector_failed": r.detector_failed,
            }
            for r in p.actions
        ],
        "limits": dict(p.limits), "help": _plain_help(p.help),
        "advice": {k: {"ja": ja, "en": en} for k, (ja, en) in p.advice.items()},
    }


def _plain_help(help_table: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(help_table)
    if "contacts" in out:
        out["contacts"] = [dict(c) for c in out["contacts"]]
    return out


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
