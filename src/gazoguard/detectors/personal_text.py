"""Readable personal text: runs every recognizer on the OCR text and boxes exactly the matched characters."""

from __future__ import annotations

from gazoguard.core.catalogue import kinds_in
from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.imaging.picture import Picture
from gazoguard.recognizers import LineSpan, NormalizedText, RecognizerSet, TextMatch
from gazoguard.recognizers.jp import ginza_model
from gazoguard.perception.scene import Scene
from gazoguard.perception.textlayout import TextLayout

MIN_SCORE = 0.5


class PersonalTextDetector(Detector):
    name = "personal_text"
    kinds = frozenset(kinds_in("personal_text"))
    timeout_s = 40.0
    order = 10

    def __init__(self, recognizers: RecognizerSet | None = None) -> None:
        super().__init__()
        self._recognizers = recognizers

    def load(self) -> None:
        # GiNZA loads here, once per process, not on the first picture's clock.
        if self._recognizers is None:
            self._recognizers = RecognizerSet()
        self._recognizers.load()

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        findings = findings_for_layout(scene.text(), self._set(), self.name)
        if ginza_model.loaded():
            # the dictionary pages this text touched would otherwise stay resident for good
            ginza_model.release_dictionary_pages()
        return findings

    def _set(self) -> RecognizerSet:
        if self._recognizers is None:
            self.load()
        assert self._recognizers is not None
        return self._recognizers


def normalized_layout(layout: TextLayout) -> NormalizedText:
    """The layout's text, normalised, with each OCR line's span and box (for table columns)."""
    spans: list[LineSpan] = []
    pos = 0
    for line in layout.lines:
        start = layout.text.find(line.text, pos)
        if start < 0:
            continue
        spans.append(LineSpan(start, start + len(line.text), line.box))
        pos = start + len(line.text)
    return NormalizedText.of(layout.text, tuple(spans))


def findings_for_layout(layout: TextLayout, recognizers: RecognizerSet, detector: str = "personal_text") -> list[Finding]:
    if not layout.text.strip():
        return []
    findings = []
    for match in recognizers.analyze(normalized_layout(layout)):
        if match.score < MIN_SCORE:
            continue
        finding = _finding(layout, match, detector)
        if finding is not None:
            findings.append(finding)
    return findings


def _finding(layout: TextLayout, match: TextMatch, detector: str) -> Finding | None:
    box = layout.box_for_span(match.start, match.end)
    if box is None:
        return None
    attrs = dict(match.attrs)
    line_boxes = layout.boxes_for_span(match.start, match.end)
    if len(line_boxes) > 1:
        attrs["line_boxes"] = [list(b) for b in line_boxes]
    ocr_score = layout.score_for_span(match.start, match.end)
    attrs["ocr_score"] = round(ocr_score, 3)
    as_read = layout.text[match.start : match.end]
    if match.reading and match.reading != as_read:
        attrs["as_read"] = as_read
    return Finding(
        kind=match.kind,
        score=match.score,
        detector=detector,
        box=box,
        text=match.reading or as_read,
        attrs=attrs,
    )
