"""Addresses in Latin script: street lines (10 Maple Ave, C/ Mayor, 6), labelled addresses, places after
a place-of-birth or domicile label (LUGAR DE NACIMIENTO / MADRID), "lives in <Place>", and second
sightings of a labelled place (ID cards print the town of birth and of residence twice).

A label's value is the rest of its line after a colon, or else the nearest OCR line under the label in
its column (the next line of text when there is no geometry), and never a field label itself: in a
form whose value was covered (or left empty) the label would otherwise take the next field's label,
or a heading further down, as its value — and a redaction's re-check would keep finding new "addresses".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gazoguard.recognizers.base import Recognizer, TextMatch
from gazoguard.recognizers.normalize import LineSpan, NormalizedText

_SUFFIX = (
    r"(?:St|Street|Ave|Avenue|Rd|Road|Ln|Lane|Dr|Drive|Blvd|Boulevard|Ct|Court|Pl|Place|Way|Terrace|Ter|Hwy|Highway|"
    r"Pkwy|Parkway|Cir|Circle|Sq|Square|Crescent|Cres|Close|Row)"
)
_STREET = re.compile(rf"\b\d{{1,5}}[A-Za-z]?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][a-z]+[ \t]+){{1,3}}{_SUFFIX}\b\.?(?:,?\s*(?:Apt|Suite|Unit|#)\s*[\w-]+)?")
_SPANISH = re.compile(r"\b(?:C/|Calle|Avda\.?|Avenida|Paseo|Plaza|Pza\.?|Rue|Via|Viale)\s*[A-ZÀ-Ýa-zà-ÿ .'-]{2,40}?,?\s*(?:n[º°o]\.?\s*)?\d{1,4}\b")
_ADDRESS_LABEL = r"(?i:address|addr|domicilio|dirección|direccion|adresse|anschrift)"
# An address label with its value after a colon, or alone at the end of its line (value below).
_ADDRESS_LABEL_AT = re.compile(rf"\b{_ADDRESS_LABEL}(?:[ \t]*[:：]|(?=[ \t]*(?:\n|$)))[ \t]*")
# Field labels of a person's town (ID cards, passports, forms); they start their line.
_PLACE_LABEL = (
    r"(?i:place[ \t]+of[ \t]+(?:birth|residence)|birth[ \t]*place|"
    r"lugar[ \t]+de[ \t]+(?:nacimiento|domicilio|residencia)|"
    r"lieu[ \t]+de[ \t]+(?:naissance|résidence|residence)|luogo[ \t]+di[ \t]+nascita|geburtsort|wohnort|"
    r"provincia(?:[ \t]*[-/]?[ \t]*pa[ií]s)?)"
)
# Like address labels: the value follows a colon, or the label ends its line and the value is below.
_PLACE_LABEL_AT = re.compile(rf"^[ \t]*{_PLACE_LABEL}(?:[ \t]*[:：]|(?=[ \t]*(?:\n|$)))[ \t]*", re.MULTILINE)
_PLACE_VALUE = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .,'()/-]{1,39}")
# One word of four letters or more (London), or a short first word of a longer name (New York, San Jose).
_PLACE_NAME = (
    r"[A-Z][a-zA-Z'-]{3,}(?:[ \t]+[A-Z][a-zA-Z'-]+){0,2}"
    r"|(?!(?:The|Our|His|Her|Its|One|Any|All)\b)[A-Z][a-z]{2}(?:[ \t]+[A-Z][a-zA-Z'-]+){1,2}"
)
_LIVES_IN = re.compile(
    rf"\b(?i:lives|lived|living|resides|resident)\s+(?i:in|at)\s+(?:[a-z]\s+)?(?P<place>{_PLACE_NAME})"
)
# "E-mail:", "Job Title: Tech Geek": a line that opens with a field label.
_FIELD_LABEL = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'/-]{0,30}[:：]")
_ANY_LABEL = re.compile(rf"^(?:{_ADDRESS_LABEL}|{_PLACE_LABEL})[ \t]*[:：]?$")


class EnglishAddressRecognizer(Recognizer):
    name = "address_en"
    kinds = frozenset({"address"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for m in _STREET.finditer(text.norm):
            out.append(self.match(text, m.start(), m.end(), "address", 0.85, source="street"))
        for m in _SPANISH.finditer(text.norm):
            out.append(self.match(text, m.start(), m.end(), "address", 0.8, source="street"))
        out.extend(self._labelled(text))
        places = self._places(text)
        out.extend(places)
        out.extend(self._second_sightings(text, [text.original[m.start : m.end] for m in places]))
        for m in _LIVES_IN.finditer(text.norm):
            out.append(self.match(text, m.start("place"), m.end("place"), "address", 0.7, source="lives_in"))
        return out

    def _labelled(self, text: NormalizedText) -> list[TextMatch]:
        out = []
        for start, end in _label_values(text, _ADDRESS_LABEL_AT):
            end = min(end, start + 80)
            value = text.norm[start:end]
            if (
                len(value) >= 3
                and re.search(r"[A-Za-z]{2}", value)
                and not re.match(r"(?i)(?:bar|book|of|line|field)\b", value)
            ):
                out.append(self.match(text, start, end, "address", 0.8, source="label"))
        return out

    def _places(self, text: NormalizedText) -> list[TextMatch]:
        out = []
        for start, end in _label_values(text, _PLACE_LABEL_AT):
            value = text.norm[start:end]
            if _PLACE_VALUE.fullmatch(value) and len(re.findall(r"[A-Za-zÀ-ÿ]", value)) >= 3:
                out.append(self.match(text, start, end, "address", 0.75, source="place_label"))
        return out

    def _second_sightings(self, text: NormalizedText, places: list[str]) -> list[TextMatch]:
        """Lines that are exactly a labelled place found elsewhere in the text."""
        wanted = {NormalizedText.of(p).norm.casefold() for p in places}
        out: list[TextMatch] = []
        pos = 0
        for line in text.norm.split("\n"):
            stripped = line.strip()
            if stripped and stripped.casefold() in wanted:
                start = pos + line.index(stripped)
                out.append(self.match(text, start, start + len(stripped), "address", 0.7, source="echo"))
            pos += len(line) + 1
        return out


def label_value(text: NormalizedText, label: re.Match[str]) -> tuple[int, int] | None:
    """The normalised span of a label's value: the rest of its line, or else the line below it.

    The line below is, with OCR geometry, the nearest line under the label in its column (OCR
    reading order can put a value before its label), without geometry the next line of text.
    A value that is a field label itself is none ("Address:" above "E-mail:" in an emptied form).
    """
    line_end = _line_end(text.norm, label.end())
    span = _stripped(text.norm, label.end(), line_end, " \t,.;")
    below = span is None
    if below:
        span = _line_below(text, label.start(), line_end)
    if span is None:
        return None
    value = text.norm[span[0] : span[1]]
    if value.endswith((":", "：")) or _ANY_LABEL.match(value) or (below and _FIELD_LABEL.match(value)):
        return None
    return span


def _line_below(text: NormalizedText, label_start: int, label_line_end: int) -> tuple[int, int] | None:
    label_line = _line_at(text, label_start)
    if label_line is None:
        start = label_line_end + 1
        return _stripped(text.norm, start, _line_end(text.norm, start), " \t,.;") if start < len(text.norm) else None
    under = [ln for ln in text.lines if ln is not label_line and directly_below(label_line.box, ln.box)]
    if not under:
        return None
    nearest = min(under, key=lambda ln: ln.box[1])
    start, end = text.norm_index(nearest.start), text.norm_index(nearest.end)
    return _stripped(text.norm, start, end, " \t,.;")


def _line_end(norm: str, pos: int) -> int:
    end = norm.find("\n", pos)
    return len(norm) if end < 0 else end


def _stripped(norm: str, start: int, end: int, chars: str) -> tuple[int, int] | None:
    """``norm[start:end]`` without leading blanks and trailing ``chars``; None when nothing is left."""
    while start < end and norm[start] in " \t":
        start += 1
    while end > start and norm[end - 1] in chars:
        end -= 1
    return (start, end) if end > start else None


def directly_below(label: tuple[int, int, int, int], value: tuple[int, int, int, int]) -> bool:
    """``value`` is the next row under ``label`` and overlaps it horizontally."""
    height = max(1, label[3] - label[1])
    overlaps = min(label[2], value[2]) > max(label[0], value[0])
    below = (value[1] + value[3]) / 2 > (label[1] + label[3]) / 2
    return overlaps and below and value[1] - label[3] <= height


def _line_at(text: NormalizedText, norm_pos: int) -> LineSpan | None:
    original = text.origin[norm_pos]
    return next((ln for ln in text.lines if ln.start <= original < ln.end), None)


def _label_values(text: NormalizedText, labels: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The value span of each label ``labels`` finds (see :func:`label_value`), where it has one."""
    for m in labels.finditer(text.norm):
        span = label_value(text, m)
        if span is not None:
            yield span
