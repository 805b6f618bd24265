"""Act frames loaded from ``talk/acts.toml`` and ``talk/cues.toml``: slot × slot regexes over loose-folded text.

A frame stands for one act (``picture_request``, ``threat_spread``, …) or one
internal cue (a refusal, a quote, a warning, …).  ``<SLOT>`` in a frame's regex
is replaced by the slot's alternation, so a frame reads as a small grammar
("something sexual, then a picture word or a request form within 14
characters") rather than a list of whole phrases.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from gazoguard.talk.fold import FoldedText
from gazoguard.talk.normalize import loose_pattern

_FLAGS = re.IGNORECASE
_SLOT = re.compile(r"<([A-Z_]+)>")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_LATIN_ONLY: set[str] = set()  # sources of regexes that need a Latin letter to match


@lru_cache(maxsize=4096)
def _has_latin(folded: str) -> bool:
    return _LATIN.search(folded) is not None


def _needs_latin(source: str) -> bool:
    """A regex whose every literal is ASCII and which has a letter outside escapes and classes."""
    if not source.isascii():
        return False
    plain = re.sub(r"\\.|\[[^\]]*\]|\(\?<?[!=:]", "", source)
    return bool(re.search(r"[a-zA-Z]", plain))


@dataclass(frozen=True)
class Frame:
    id: str
    act: str
    regexes: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()
    needs: tuple[str, ...] = ()  # the act counts only with one of these acts elsewhere in the conversation
    needs_minor: bool = False  # … or only where someone is, or may be, a minor
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()

    def search(self, text: FoldedText) -> tuple[int, int] | None:
        """The span in the original text of the first match, or None."""
        folded = text.folded
        latin = _has_latin(folded)
        for rx in self.regexes:
            if not latin and rx.pattern in _LATIN_ONLY:
                continue  # an English-only regex cannot match text with no Latin letter
            m = rx.search(folded)
            if m is None:
                continue
            if any(u.search(folded) for u in self.unless):
                return None
            if m.end() == m.start():
                continue
            return text.original_span(m.start(), m.end())
        return None


@dataclass(frozen=True)
class ActInfo:
    name: str
    name_ja: str
    name_en: str
    explain_ja: str
    explain_en: str
    frames: tuple[Frame, ...]


@dataclass(frozen=True)
class Lexicon:
    acts: dict[str, ActInfo]
    cues: dict[str, tuple[Frame, ...]]

    @property
    def frames(self) -> list[Frame]:
        return [f for a in self.acts.values() for f in a.frames] + [f for fs in self.cues.values() for f in fs]


def _expand(source: str, slots: dict[str, str], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in slots:
            raise ValueError(f"{where}: unknown slot <{name}>")
        return f"(?:{slots[name]})"

    return _SLOT.sub(sub, source)


def _compile(sources: list[str], slots: dict[str, str], where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for source in sources:
        try:
            rx = re.compile(loose_pattern(_expand(source, slots, where)), _FLAGS)
            if _needs_latin(rx.pattern):
                _LATIN_ONLY.add(rx.pattern)
            out.append(rx)
        except re.error as exc:
            raise ValueError(f"{where}: bad regex {source!r}: {exc}") from None
    return tuple(out)


def parse_frame(owner: str, entry: dict, slots: dict[str, str], file: str) -> Frame:
    where = f"{file} {owner}.{entry.get('id', '?')}"
    return Frame(
        id=f"{owner}.{entry['id']}",
        act=owner,
        regexes=_compile(entry["regex"], slots, where),
        unless=_compile(entry.get("unless", []), slots, where),
        needs=tuple(entry.get("needs", ())),
        needs_minor=bool(entry.get("needs_minor", False)),
        examples=tuple(entry.get("examples", ())),
        counter_examples=tuple(entry.get("counter_examples", ())),
    )


def _read(name: str) -> dict:
    return tomllib.loads((resources.files("gazoguard.talk") / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The act and cue frames shipped with the package, compiled once per process."""
    acts_data, cues_data = _read("acts.toml"), _read("cues.toml")
    slots = {**acts_data["slots"], **cues_data.get("slots", {})}
    acts = {
        name: ActInfo(name, d["name_ja"], d["name_en"], d["explain_ja"], d["explain_en"],
                      tuple(parse_frame(name, f, slots, "acts.toml") for f in d["frame"]))
        for name, d in acts_data["act"].items()
    }
    cues = {name: tuple(parse_frame(name, f, slots, "cues.toml") for f in d["frame"]) for name, d in cues_data["cue"].items()}
    return Lexicon(acts, cues)
