"""Second sightings: a name, number or birth date found once is personal wherever else it appears.

Identity documents print the same data twice (visual zone and MRZ, name and
signature line); once one copy is recognised, the other copies are too, even
where their own label is out of reach.  A birth date whose MRZ check digit
holds is found in the visual zone even where OCR read some of its digits as
look-alike letters ("C1 JAN/JAN 85"): the check digit vouches for the date,
and the finding reports it repaired.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import TextMatch
from gazoguard.recognizers.common.dates import DATE, LOOSE_DATE, undo_lookalikes, yymmdd
from gazoguard.recognizers.normalize import NormalizedText

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


def _name_tokens(text: NormalizedText, matches: list[TextMatch]) -> set[str]:
    tokens: set[str] = set()
    for m in matches:
        if m.kind != "person_name":
            continue
        names = m.attrs.get("names")
        value = " ".join(names) if names else text.original[m.start : m.end]
        tokens.update(t.lower() for t in _TOKEN.findall(value))
    return tokens


def echoes(text: NormalizedText, matches: list[TextMatch]) -> list[TextMatch]:
    out: list[TextMatch] = []
    tokens = _name_tokens(text, matches)
    numbers = {str(m.attrs["number"]) for m in matches if m.kind == "passport" and m.attrs.get("number") and len(str(m.attrs["number"])) >= 6}
    births = {str(m.attrs["birthdate"]) for m in matches if m.attrs.get("birthdate")}
    pos = 0
    for line in text.norm.split("\n"):
        words = _TOKEN.findall(line)
        stripped = line.strip()
        if tokens and words and all(w.lower() in tokens for w in words) and re.fullmatch(r"[A-Za-zÀ-ÿ' -]+", stripped):
            lead = line.index(stripped)
            out.append(_match(text, pos + lead, pos + lead + len(stripped), "person_name", 0.62))
        pos += len(line) + 1
    for number in numbers:
        for m in re.finditer(rf"(?<![A-Z0-9]){re.escape(number)}(?![A-Z0-9<])", text.norm):
            out.append(_match(text, m.start(), m.end(), "passport", 0.9))
    if births:
        for m in DATE.finditer(text.norm):
            if yymmdd(m.group(0)) in births:
                out.append(_match(text, m.start(), m.end(), "birthdate", 0.9))
    vouched = {str(m.attrs["birthdate"]) for m in matches if m.attrs.get("birthdate") and m.attrs.get("birthdate_checked")}
    for m in LOOSE_DATE.finditer(text.norm) if vouched else ():
        repaired = undo_lookalikes(m)
        if repaired != m.group(0) and yymmdd(repaired) in vouched:
            out.append(_match(text, m.start(), m.end(), "birthdate", 0.85, reading=repaired))
    return out


def _match(text: NormalizedText, start: int, end: int, kind: str, score: float, reading: str | None = None) -> TextMatch:
    o_start, o_end = text.original_span(start, end)
    return TextMatch(o_start, o_end, kind, score, {"source": "echo"}, reading=reading)
