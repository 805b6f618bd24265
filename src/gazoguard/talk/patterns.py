"""Named chat patterns loaded from the data files in ``talk/patterns/*.toml``.

One file per label (threat, luring, …).  A file holds the label's JA/EN name
and explanation and a list of ``[[pattern]]`` tables, each with regexes over
folded text (see :mod:`gazoguard.talk.fold`), an optional ``unless`` list that
cancels the pattern for a message, an optional ``requires`` list of which one
must also match somewhere in the message, an optional ``strength`` ("strong" or
"soft"), and ``examples`` / ``counter_examples`` that the tests check.
Labels with ``report = false`` are internal cues (a refusal, an age question)
used by the conversation logic and never shown as findings.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from gazoguard.talk.fold import FoldedText, fold_pattern

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Pattern:
    id: str
    label: str
    regexes: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()
    requires: tuple[re.Pattern[str], ...] = ()
    strength: str = "strong"
    explain_ja: str = ""
    explain_en: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()

    def search(self, text: FoldedText) -> tuple[int, int] | None:
        """The span in the original text of the first match, or None."""
        folded = text.folded
        for rx in self.regexes:
            m = rx.search(folded)
            if m is None:
                continue
            if any(u.search(folded) for u in self.unless):
                return None
            if self.requires and not any(r.search(folded) for r in self.requires):
                return None
            return text.original_span(m.start(), m.end())
        return None


@dataclass(frozen=True)
class Label:
    name: str
    name_ja: str
    name_en: str
    explain_ja: str
    explain_en: str
    report: bool = True
    patterns: tuple[Pattern, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PatternSet:
    labels: dict[str, Label]

    @property
    def patterns(self) -> list[Pattern]:
        return [p for label in self.labels.values() for p in label.patterns]


def _compile(sources: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for source in sources:
        try:
            compiled.append(re.compile(fold_pattern(source), _FLAGS))
        except re.error as exc:
            raise ValueError(f"{where}: bad regex {source!r}: {exc}") from None
    return tuple(compiled)


def parse_label(name: str, data: dict) -> Label:
    patterns = []
    for entry in data.get("pattern", []):
        where = f"{name}.toml pattern {entry.get('id', '?')}"
        strength = entry.get("strength", "strong")
        if strength not in ("strong", "soft"):
            raise ValueError(f"{where}: strength must be strong or soft")
        patterns.append(
            Pattern(
                id=f"{name}.{entry['id']}",
                label=name,
                regexes=_compile(entry["regex"], where),
                unless=_compile(entry.get("unless", []), where),
                requires=_compile(entry.get("requires", []), where),
                strength=strength,
                explain_ja=entry.get("explain_ja", data.get("explain_ja", "")),
                explain_en=entry.get("explain_en", data.get("explain_en", "")),
                examples=tuple(entry.get("examples", ())),
                counter_examples=tuple(entry.get("counter_examples", ())),
            )
        )
    return Label(
        name=name,
        name_ja=data["name_ja"],
        name_en=data["name_en"],
        explain_ja=data.get("explain_ja", ""),
        explain_en=data.get("explain_en", ""),
        report=bool(data.get("report", True)),
        patterns=tuple(patterns),
    )


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    """All pattern files shipped with the package, compiled once per process."""
    folder = resources.files("gazoguard.talk") / "patterns"
    labels: dict[str, Label] = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".toml"):
            continue
        name = item.name[: -len(".toml")]
        labels[name] = parse_label(name, tomllib.loads(item.read_text(encoding="utf-8")))
    return PatternSet(labels)
