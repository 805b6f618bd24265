"""Place clues in readable text: station, line, shop and street names, and number plates.

``place_text`` comes from ``gazoguard/vision/data/places.toml``: a name followed by
a place suffix (渋谷駅, 山手線, 新宿西口店, 3丁目), Japanese place words
(みどりの窓口, 交番) and Latin street/station words next to a name
(Yuyuan Rd., Gare de Lyon STATION).  ``license_plate`` comes from
:mod:`gazoguard.vision.plates`.

Not detected (no model ships offline, and pixel heuristics for them fired on
ordinary photos): ``window_view`` and ``room_interior``.  See docs/heuristics.md.
"""

from __future__ import annotations

import re

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene
from gazoguard.perception.textlayout import TextLayout
from gazoguard.vision.keywords import FoldedText, KeywordSet, fold, load_keyword_sets
from gazoguard.vision.plates import find_plates

MIN_POINTS = 2.0
_NAME = r"[\u4e00-\u9fff\u30a0-\u30ff々ー0-9A-Z]"
# one to three capitalised words; bounded so a long line cannot make the regex backtrack for ever
_LATIN_NAME = r"(?<![A-Z])[A-Z][A-Z'.\-]{1,20}(?: [A-Z][A-Z'.\-]{1,20}){0,2}"


class PlaceClueDetector(Detector):
    name = "place_clues"
    kinds = frozenset({"place_text", "license_plate"})
    timeout_s = 30.0
    order = 40

    def load(self) -> None:
        sets = load_keyword_sets("places")
        self._suffixes = _suffix_pattern(sets["ja_suffix"])
        self._suffix_points = {fold(s): w for s, w in sets["ja_suffix"].weights.items()}
        self._ja_words = sets["ja_word"]
        self._en_words = _latin_pattern(sets["en_word"])
        self._en_points = {fold(w).replace(" ", ""): p for w, p in sets["en_word"].weights.items()}
        self._not_places = tuple(sets["not_a_place"].weights)

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        layout: TextLayout = scene.text()
        findings = [self._place_finding(layout, *m) for m in self.place_matches(layout)]
        findings += [
            Finding(
                kind="license_plate",
                score=p.confidence,
                detector=self.name,
                box=p.box,
                text=p.text,
                attrs={"style": p.style},
            )
            for p in find_plates(layout)
        ]
        return findings

    def place_matches(self, layout: TextLayout) -> list[tuple[int, int, float, str]]:
        """``(start, end, points, how)`` for every place clue in the text, overlaps removed."""
        folded = FoldedText(layout.text)
        found: list[tuple[int, int, float, str]] = []
        for m in self._suffixes.finditer(folded.folded):
            suffix = m.group("suffix")
            name_length = len(m.group(0)) - len(suffix)
            if name_length < (2 if len(suffix) == 1 else 1) or m.group(0).endswith(self._not_places):
                continue
            found.append((*folded.span(m.start(), m.end()), self._suffix_points[suffix], "name+suffix"))
        for hit in self._ja_words.hits(folded):
            found.append((hit.start, hit.end, hit.weight, "place_word"))
        for m in self._en_words.finditer(folded.folded):
            word = m.group("before") or m.group("after")
            found.append((*folded.span(m.start(), m.end()), self._en_points[word.replace(" ", "")], "street_or_station"))
        return _strongest_non_overlapping([f for f in found if f[2] >= MIN_POINTS])

    def _place_finding(self, layout: TextLayout, start: int, end: int, points: float, how: str) -> Finding:
        return Finding(
            kind="place_text",
            score=min(0.9, 0.3 + 0.2 * points),
            detector=self.name,
            box=layout.box_for_span(start, end),
            text=layout.text[start:end],
            attrs={"how": how},
        )


def _suffix_pattern(suffixes: KeywordSet) -> re.Pattern[str]:
    """One regex for every suffix (longest first): a name of up to 8 characters, then the suffix."""
    alternatives = "|".join(re.escape(fold(s)) for s in sorted(suffixes.weights, key=len, reverse=True))
    return re.compile(f"{_NAME}{{1,8}}(?P<suffix>{alternatives})")


def _latin_pattern(words: KeywordSet) -> re.Pattern[str]:
    """A street/station word with a name beside it (Yuyuan RD., RUE DE RIVOLI, SHIBUYA STATION), as one regex."""
    ordered = sorted((fold(w) for w in words.weights), key=len, reverse=True)
    body = "|".join(r"\s?".join(re.escape(p) for p in w.split(" ")) for w in ordered)
    word = f"(?<![A-Z])(?:{body})(?![A-Z])"
    return re.compile(f"{_LATIN_NAME} ?(?P<before>{word})|(?P<after>{word}) ?{_LATIN_NAME}")


def _strongest_non_overlapping(found: list[tuple[int, int, float, str]]) -> list[tuple[int, int, float, str]]:
    kept: list[tuple[int, int, float, str]] = []
    for f in sorted(found, key=lambda f: (-f[2], -(f[1] - f[0]))):
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    return sorted(kept)
