"""Chat messages from exported chat text, pasted text or structured input.

Formats recognised, in order:

* LINE's text export (``HH:MM<TAB>name<TAB>message``; date and header lines
  skipped; a quoted multi-line message kept whole);
* ``name: message`` lines (also ``名前：…`` and ``[12:00] name: …``), used
  when most lines look like that;
* anything else: one message per non-empty line, speaker unknown.

A speaker is mapped to a role: ``self`` (the user), ``other`` or unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

SELF_NAMES = {"self", "me", "自分", "わたし", "私", "あなた"}
OTHER_NAMES = {"other", "them", "相手"}
_ROLES = ("self", "other")

_LINE_ROW = re.compile(r"^(?:午前|午後)?\d{1,2}:\d{2}\t([^\t]*)\t(.*)$")
_LINE_SKIP = re.compile(r"^(\[LINE\]|保存日時|\d{4}[/.]\d{1,2}[/.]\d{1,2}(\([^)]*\))?\s*$|\d{4}年\d{1,2}月\d{1,2}日)")
_NAMED_ROW = re.compile(r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([^\s:：\[\]][^:：\t]{0,23}?)\s*(?:：\s*|:\s+)(.+)$")
_DATE_LINE = re.compile(r"^(\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s*[(（][^)）]*[)）])?\s*$")
_TIME_PREFIX = re.compile(r"^\[?(\d{1,2}:\d{2}(?::\d{2})?)\]?")
_NAMED_SHARE = 0.6


@dataclass(frozen=True)
class Message:
    index: int
    text: str
    speaker: str | None = None
    role: str | None = None  # "self", "other" or None when unknown
    time: str | None = None
    source: str | None = None  # where it came from: file name, or "image.png#bubble3"
    date: str | None = None  # the day the chat showed above the message (a LINE export's date line), as written

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "speaker": self.speaker,
            "role": self.role,
            "date": self.date,
            "time": self.time,
            "text": self.text,
            "source": self.source,
        }


def role_of(speaker: str | None, me: str | None = None) -> str | None:
    if speaker is None:
        return None
    name = speaker.strip()
    if me is not None:
        return "self" if name == me else "other"
    if name.lower() in SELF_NAMES:
        return "self"
    if name.lower() in OTHER_NAMES:
        return "other"
    return None


def parse_chat_text(text: str, *, me: str | None = None, source: str | None = None) -> list[Message]:
    """Messages of an exported or pasted chat, in order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows = _line_export_rows(lines) or [(*row, None) for row in (_named_rows(lines) or _plain_rows(lines))]
    kept = [row for row in rows if row[2].strip()]
    return [
        Message(i, body, speaker, role_of(speaker, me), time, source, date)
        for i, (time, speaker, body, date) in enumerate(kept)
    ]


def messages_from(items: Iterable[Any], *, me: str | None = None) -> list[Message]:
    """Messages from structured input: Message objects, strings, (speaker, text) pairs or dicts."""
    out: list[Message] = []
    for item in items:
        i = len(out)
        if isinstance(item, Message):
            out.append(Message(i, item.text, item.speaker, item.role, item.time, item.source, item.date))
        elif isinstance(item, str):
            out.append(Message(i, item))
        elif isinstance(item, dict):
            speaker = item.get("speaker")
            role = item.get("role") or role_of(speaker, me)
            out.append(Message(i, str(item.get("text", "")), speaker, role if role in _ROLES else None, item.get("time")))
        else:
            speaker, text = item[0], item[1]
            out.append(Message(i, str(text), speaker, role_of(speaker, me)))
    return out


def _line_export_rows(lines: list[str]) -> list[tuple[str | None, str | None, str, str | None]]:
    """(time, speaker, body, date) rows; the date is the last date line above the row (``2024/05/01(水)``)."""
    rows: list[list[Any]] = []
    matched = 0
    in_quote = False
    date: str | None = None
    for line in lines:
        m = _LINE_ROW.match(line)
        if m and not in_quote:
            speaker, body = m.group(1), m.group(2)
            in_quote = body.startswith('"') and not (len(body) > 1 and body.endswith('"'))
            rows.append([line.split("\t", 1)[0], speaker, body.strip('"') if not in_quote else body[1:], date])
            matched += 1
            continue
        day = _DATE_LINE.match(line.strip()) if not in_quote else None
        if day:
            date = day.group(1)
        elif rows and in_quote:
            in_quote = not line.endswith('"')
            rows[-1][2] += "\n" + (line[:-1] if not in_quote else line)
        elif not line.strip() or _LINE_SKIP.match(line):
            continue
        elif rows:
            rows[-1][2] += "\n" + line
    return [tuple(r) for r in rows] if matched else []  # type: ignore[misc]


def _named_rows(lines: list[str]) -> list[tuple[str | None, str | None, str]]:
    content = [line for line in lines if line.strip()]
    rows = []
    for line in content:
        m = _NAMED_ROW.match(line.strip())
        if m is None:
            if rows:
                rows[-1] = (rows[-1][0], rows[-1][1], rows[-1][2] + "\n" + line.strip())
            continue
        time = _TIME_PREFIX.match(line.strip())
        rows.append((time.group(1) if time else None, m.group(1).strip(), m.group(2).strip()))
    if not content or len(rows) < _NAMED_SHARE * len(content):
        return []
    return rows


def _plain_rows(lines: list[str]) -> list[tuple[str | None, str | None, str]]:
    return [(None, None, line.strip()) for line in lines if line.strip()]
