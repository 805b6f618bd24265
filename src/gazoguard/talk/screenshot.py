"""Chat screenshots → messages, through the engine's OCR (the same path as image checks).

OCR lines are grouped into bubbles: a line joins the bubble above it when the
vertical gap is small and it sits on the same side.  A bubble on the right is
the user's own (``self``, as in LINE and most messengers), one on the left the
other person's.  Lines that are only a time, a date or 既読 are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gazoguard.talk.messages import Message
from gazoguard.perception.textlayout import TextLayout, needs_space

GAP_FACTOR = 0.9  # a gap below this many line heights continues the bubble
RIGHT_START = 0.35  # a line starting right of this fraction of the width…
RIGHT_END = 0.80  # …and ending right of this one is on the right side
_UI_ONLY = re.compile(r"^(既読\s*\d*|既読|(午前|午後)?\s*\d{1,2}[:：]\d{2}|\d{1,2}/\d{1,2}\s*\(.\)|今日|昨日|Read|\d{1,2}:\d{2}\s*(AM|PM)?)$", re.IGNORECASE)


@dataclass
class _Bubble:
    text: str
    side: str
    x0: int
    y1: int
    height: int


def messages_from_layout(layout: TextLayout, width: int, source: str | None = None) -> list[Message]:
    """Bubbles of one screenshot's OCR text, top to bottom."""
    bubbles: list[_Bubble] = []
    for line in sorted(layout.lines, key=lambda ln: (ln.box[1], ln.box[0])):
        text = line.text.strip()
        if not text or _UI_ONLY.match(text):
            continue
        x0, y0, x1, y1 = line.box
        side = "self" if x0 > RIGHT_START * width and x1 > RIGHT_END * width else "other"
        height = max(1, y1 - y0)
        last = bubbles[-1] if bubbles else None
        if last and last.side == side and y0 - last.y1 < GAP_FACTOR * max(height, last.height):
            joiner = " " if needs_space(last.text, text) else ""
            last.text += joiner + text
            last.y1 = y1
            continue
        bubbles.append(_Bubble(text, side, x0, y1, height))
    return [
        Message(i, b.text, speaker=b.side, role=b.side, source=f"{source}#bubble{i + 1}" if source else None)
        for i, b in enumerate(bubbles)
    ]


def messages_from_screenshots(paths: list[Any], *, ocr=None) -> list[Message]:  # noqa: ANN001 - OcrPerception
    """Read each screenshot (in order) and return all bubbles as one conversation."""
    from gazoguard.perception.ocr import OcrPerception
    from gazoguard.imaging.picture import load_picture

    ocr = ocr or OcrPerception()
    ocr.ensure_loaded()
    messages: list[Message] = []
    for path in paths:
        picture = load_picture(path)
        layout = ocr.compute(picture, None)
        for m in messages_from_layout(layout, picture.width, Path(str(path)).name):
            messages.append(Message(len(messages), m.text, m.speaker, m.role, m.time, m.source))
    return messages
