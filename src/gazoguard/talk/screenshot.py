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
NAME_HEIGHT = 0.8  # a left line this much smaller than the text lines, just above a bubble, is a name
NAME_MAX_CHARS = 16
_TIME = re.compile(r"^(既読\s*\d*\s*)?((午前|午後)?\s*\d{1,2}[:：]\d{2}(\s*(AM|PM))?)(\s*既読)?$", re.IGNORECASE)
_UI_ONLY = re.compile(r"^(既読\s*\d*|既読|\d{1,2}/\d{1,2}\s*\(.\)|\d{4}[/.年]\d{1,2}[/.月]\d{1,2}日?(\s*\(.\))?|今日|昨日|Today|Yesterday|Read|未読)$", re.IGNORECASE)


@dataclass
class _Bubble:
    text: str
    side: str
    x0: int
    y0: int
    y1: int
    height: int
    name: str | None = None
    time: str | None = None


def _side(box: tuple[int, int, int, int], width: int) -> str:
    x0, _, x1, _ = box
    if x0 > RIGHT_START * width and x1 > RIGHT_END * width:
        return "self"
    return "self" if (x0 + x1) / 2 > 0.6 * width else "other"


def messages_from_layout(layout: TextLayout, width: int, source: str | None = None) -> list[Message]:
    """Bubbles of one screenshot's OCR text, top to bottom, with sides, names and times where shown.

    A time beside a bubble (or 既読 + time) becomes that bubble's time; a small
    line on the left just above a bubble (the sender's name in group chats and
    LINE) becomes the speaker of the bubble below it.
    """
    lines = sorted(layout.lines, key=lambda ln: (ln.box[1], ln.box[0]))
    heights = sorted(max(1, ln.box[3] - ln.box[1]) for ln in lines if ln.text.strip() and not _TIME.match(ln.text.strip())) or [1]
    typical = heights[(3 * len(heights)) // 4]  # message text is the larger type on a chat screen
    bubbles: list[_Bubble] = []
    times: list[tuple[str, int, int]] = []  # (time, y centre, x centre)
    pending_name: tuple[str, int] | None = None
    for n, line in enumerate(lines):
        text = line.text.strip()
        x0, y0, x1, y1 = line.box
        height = max(1, y1 - y0)
        if not text or _UI_ONLY.match(text):
            continue
        t = _TIME.match(text)
        if t:
            times.append((t.group(2).replace("：", ":"), (y0 + y1) // 2, (x0 + x1) // 2))
            continue
        side = _side(line.box, width)
        if side == "other" and _looks_like_name(line, lines[n + 1 :], typical, width):
            pending_name = (text, y1)
            continue
        last = bubbles[-1] if bubbles else None
        name = pending_name[0] if pending_name and y0 - pending_name[1] < 1.5 * height else None
        if last and last.side == side and name is None and y0 - last.y1 < GAP_FACTOR * max(height, last.height):
            joiner = " " if needs_space(last.text, text) else ""
            last.text += joiner + text
            last.y1 = y1
            continue
        bubbles.append(_Bubble(text, side, x0, y0, y1, height, name))
        pending_name = None
    _attach_times(bubbles, times)
    return [
        Message(i, b.text, speaker=b.name or b.side, role=b.side, time=b.time, source=f"{source}#bubble{i + 1}" if source else None)
        for i, b in enumerate(bubbles)
    ]


def _looks_like_name(line, below, typical: int, width: int) -> bool:  # noqa: ANN001 - TextLayout lines
    """A short left line right above a bubble: smaller type, or the bubble's text starts further in (padding)."""
    text = line.text.strip()
    x0, _, x1, y1 = line.box
    if len(text) > NAME_MAX_CHARS or x0 > 0.3 * width or (x0 + x1) / 2 > 0.5 * width:
        return False
    nxt = next((ln for ln in below if ln.text.strip() and not _TIME.match(ln.text.strip())), None)
    if nxt is None or nxt.box[1] - y1 > 1.5 * typical or _side(nxt.box, width) != "other":
        return False
    smaller = (y1 - line.box[1]) < NAME_HEIGHT * typical
    indented = nxt.box[0] - x0 >= 8
    return smaller or indented


def _attach_times(bubbles: list[_Bubble], times: list[tuple[str, int, int]]) -> None:
    """Each time label goes to the bubble whose bottom it sits closest to (LINE puts it beside the last line)."""
    for value, y, _ in times:
        near = [b for b in bubbles if b.y0 - b.height <= y <= b.y1 + b.height]
        if near:
            target = min(near, key=lambda b: abs(b.y1 - y))
            target.time = target.time or value


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
