"""Identity marks: name tags (the one mark this detector claims to find).

Two routes, both from shared perceptions only:

* **badge words** (``gazoguard/vision/data/identity_marks.toml``: 研修中, 担当, STAFF,
  HELLO MY NAME IS …) on a *short* line — a badge, not a sentence;
* **a name under a face** (only when the face model is available): a short,
  name-like line (2–4 kanji/kana, or one or two capitalised Latin words)
  printed small, one to four face heights below a face — where a badge is
  worn — in a picture with little other text.

Not detected, so never reported: ``lanyard``, ``uniform``, ``emblem``,
``tattoo``, ``reflection``.  Each needs a trained model that does not ship
offline; heuristics for them would be guesses.  docs/heuristics.md says so.
"""

from __future__ import annotations

import re

from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Box, Finding
from gazoguard.imaging.picture import Picture
from gazoguard.perception.scene import Scene
from gazoguard.perception.textlayout import TextLayout, TextLine
from gazoguard.vision.keywords import FoldedText, load_keyword_sets

BADGE_MAX_CHARS = 16  # a badge line: the badge word and a name
MIN_BADGE_POINTS = 2.0
JA_NAME = re.compile(r"^[\u4e00-\u9fff々\u3040-\u309f\u30a0-\u30ffー]{2,4}$")
LATIN_NAME = re.compile(r"^[A-Z][a-z]{1,14}(?: [A-Z][a-z]{1,14})?$")
# where a badge sits relative to a face, in face heights / widths
BELOW_FACE = (1.0, 4.0)  # a badge is worn on the chest, not printed beside an ID photo
BESIDE_FACE = 2.0
MAX_TEXT_TO_FACE_HEIGHT = 0.5
MAX_LINES_FOR_FACE_ROUTE = 20  # text-dense pictures are documents or pages, where names are the text recognizers' job

NOT_DETECTED = ("lanyard", "uniform", "emblem", "tattoo", "reflection")


class IdentityMarkDetector(Detector):
    name = "identity_marks"
    kinds = frozenset({"name_tag"})
    timeout_s = 30.0
    order = 40

    def load(self) -> None:
        self._badge_words = load_keyword_sets("identity_marks")["name_tag"]

    def detect(self, picture: Picture, scene: Scene) -> list[Finding]:
        layout: TextLayout = scene.text()
        findings = self._badge_lines(layout)
        claimed = {f.box for f in findings}
        for line, face_box in names_under_faces(layout, _faces(scene)):
            if line.box not in claimed:
                findings.append(
                    Finding(
                        kind="name_tag",
                        score=0.5,
                        detector=self.name,
                        box=line.box,
                        text=line.text,
                        attrs={"how": "name_under_face", "face_box": list(face_box)},
                    )
                )
        return findings

    def _badge_lines(self, layout: TextLayout) -> list[Finding]:
        out: list[Finding] = []
        for line in layout.lines:
            if len(line.text.strip()) > BADGE_MAX_CHARS:
                continue
            hits = self._badge_words.hits(FoldedText(line.text))
            points = max((h.weight for h in hits), default=0.0)
            if points >= MIN_BADGE_POINTS:
                out.append(
                    Finding(
                        kind="name_tag",
                        score=min(0.85, 0.35 + 0.15 * points),
                        detector=self.name,
                        box=line.box,
                        text=line.text,
                        attrs={"how": "badge_word", "words": sorted({h.term for h in hits})},
                    )
                )
        return out


def _faces(scene: Scene) -> list:
    try:
        return list(scene.faces())
    except Exception:  # noqa: BLE001 - without faces only the badge-word route runs
        return []


def looks_like_name(text: str) -> bool:
    text = text.strip()
    return bool(JA_NAME.match(text) or LATIN_NAME.match(text))


def names_under_faces(layout: TextLayout, faces: list) -> list[tuple[TextLine, Box]]:
    """Short name-like lines printed small where a badge is worn below a face."""
    pairs: list[tuple[TextLine, Box]] = []
    if len(layout.lines) > MAX_LINES_FOR_FACE_ROUTE:
        return pairs
    for line in layout.lines:
        if not looks_like_name(line.text):
            continue
        lx, ly = (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2
        for face in faces:
            fx0, fy0, fx1, fy1 = face.box
            fw, fh = max(1, fx1 - fx0), max(1, fy1 - fy0)
            below = fy1 + BELOW_FACE[0] * fh <= ly <= fy1 + BELOW_FACE[1] * fh
            beside = abs(lx - (fx0 + fx1) / 2) <= BESIDE_FACE * fw
            small = (line.box[3] - line.box[1]) <= MAX_TEXT_TO_FACE_HEIGHT * fh
            if below and beside and small:
                pairs.append((line, tuple(face.box)))
                break
    return pairs
