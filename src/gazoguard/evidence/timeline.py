"""A readable timeline of the locker (Japanese first, English beside it) as HTML.

The PDF version in ``timeline_pdf.py`` uses the same rows, so the two never
disagree.  Thumbnails are only ever passed in for items not marked sexual or
minor (see ``bundle.py``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

from gazoguard.core.clock import DEFAULT_TZ, local_time, localise

FIELD_LABELS: tuple[tuple[str, str, str], ...] = (
    ("url", "URL", "URL"),
    ("sender", "送信者 ID", "Sender ID"),
    ("sender_profile", "送信者のプロフィール", "Sender profile"),
    ("posted_at", "投稿日時", "Posted at"),
    ("report_no", "通報番号", "Report number"),
    ("note", "メモ", "Note"),
)
SENSITIVE_LABELS = {
    "sexual": ("性的な内容のため縮小画像を表示しません", "sexual content: no thumbnail"),
    "minor": ("未成年に関わる内容のため縮小画像を表示しません", "involves a minor: no thumbnail"),
}
TITLE = ("証拠の記録（時系列）", "Evidence timeline")
VERIFY_HINT = (
    "この記録が改ざんされていないことは、画像ガードをインストールしたパソコンで "
    "「gazoguard evidence verify このファイル.zip」を実行して確認できます。",
    "Anyone can check that nothing was changed: install gazoguard and run "
    "`gazoguard evidence verify THIS.zip`.",
)


CONVERSATION_TITLE = ("やり取りの時系列（メッセージの日時順）", "The conversation in time order (by the messages' own times)")
MESSAGE_HEADS = (("日時", "Date and time"), ("送信者", "Sender"), ("メッセージ", "Message"), ("記録", "Entry"))
NO_DATE = ("日付不明", "date unknown")
NO_TIME = ("日時の表示なし", "no time shown")
SPEAKER_ROLES = {"self": ("自分", "me"), "other": ("相手", "the other person")}


def zone_note(tz: str) -> tuple[str, str]:
    """How the times of the timeline are to be read: the recording zone, and that message times are the chat's own."""
    offset = localise(dt.datetime.now(dt.timezone.utc), tz).strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}"
    zone_ja = f"日本時間（{tz}、{offset}）" if tz == "Asia/Tokyo" else f" {tz}（{offset}）"
    return (
        f"時刻について: 記録日時は{zone_ja}で表示し、UTC を併記しています。"
        "メッセージの日時は、チャットの書き出しやスクリーンショットに表示されていたままの時刻です"
        "（送った端末の時刻で、記録した日時とは別です。日付の表示がないものは「日付不明」）。",
        f"About the times: recording times are shown in {tz} ({offset}) with UTC beside them. "
        "Message times are as the chat export or screenshot showed them (the sending device's clock, not when they "
        "were recorded; 'date unknown' where no date was shown).",
    )


@dataclass(frozen=True)
class TimelineMessage:
    when_ja: str  # "2024/05/01 21:03", "21:03（日付不明）" or "日時の表示なし"
    when_en: str
    sort_key: dt.datetime | None  # the date and time when both were shown and readable
    speaker: str
    text: str
    seq: int  # the entry it was recorded in
    source: str


@dataclass(frozen=True)
class TimelineRow:
    seq: int
    recorded_utc: str
    recorded_local: str
    title_ja: str
    title_en: str
    sha256: str | None
    size: int | None
    details: tuple[tuple[str, str, str], ...]  # (label_ja, label_en, value)
    thumbnail: str | None  # path inside the bundle
    withheld_reason: tuple[str, str] | None
    messages: tuple[TimelineMessage, ...] = ()


@dataclass(frozen=True)
class TimelineMeta:
    locker_id: str
    created_at: str
    exported_at: str
    head_count: int
    head_hash: str
    fingerprints: tuple[str, ...]
    tz: str = DEFAULT_TZ


_DATE = re.compile(r"^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$")
_TIME = re.compile(r"^(午前|午後|AM|PM|am|pm)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*(AM|PM|am|pm)?$")


def message_moment(date: str | None, time: str | None) -> dt.datetime | None:
    """The chat's own date and time as one naive datetime, or None when either is missing or unreadable."""
    d = _DATE.match((date or "").strip())
    t = _TIME.match((time or "").strip())
    if not d or not t:
        return None
    hour = int(t.group(2))
    half = (t.group(1) or t.group(5) or "").lower()
    if half in ("午後", "pm") and hour < 12:
        hour += 12
    elif half in ("午前", "am") and hour == 12:
        hour = 0
    try:
        return dt.datetime(int(d.group(1)), int(d.group(2)), int(d.group(3)), hour, int(t.group(3)), int(t.group(4) or 0))
    except ValueError:
        return None


def _timeline_message(m: dict[str, Any], seq: int) -> TimelineMessage:
    date, time = m.get("date"), m.get("time")
    if date and time:
        when = (f"{date} {time}", f"{date} {time}")
    elif time:
        when = (f"{time}（{NO_DATE[0]}）", f"{time} ({NO_DATE[1]})")
    elif date:
        when = (str(date), str(date))
    else:
        when = NO_TIME
    speaker = str(m.get("speaker") or "")
    role = SPEAKER_ROLES.get(str(m.get("role")))
    if role and speaker and speaker not in role:
        speaker = f"{speaker}（{role[0]}）"
    elif role and not speaker:
        speaker = role[0]
    return TimelineMessage(when[0], when[1], message_moment(date, time), speaker or "?", str(m.get("text", "")),
                           seq, str(m.get("source") or ""))


def conversation(rows: list[TimelineRow]) -> list[TimelineMessage]:
    """Every recorded message, by the chat's own date and time when all of them show one, else as recorded."""
    messages = [m for row in rows for m in row.messages]
    if messages and all(m.sort_key is not None for m in messages):
        return sorted(messages, key=lambda m: m.sort_key)  # stable: same-minute messages keep their order
    return messages


def _shown(utc_text: str, tz: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(utc_text).replace("Z", "+00:00"))
    except ValueError:
        return str(utc_text)
    return local_time(moment, tz, seconds=True)


def build_rows(entries: list[dict[str, Any]], thumbnails: dict[int, str], tz: str = DEFAULT_TZ) -> list[TimelineRow]:
    rows = []
    for entry in entries:
        info = entry.get("file") if isinstance(entry.get("file"), dict) else None
        seq = int(entry.get("seq", 0))
        raw_messages = entry.get("messages") if isinstance(entry.get("messages"), list) else []
        messages = tuple(_timeline_message(m, seq) for m in raw_messages if isinstance(m, dict))
        if info:
            title_ja, title_en = f"ファイル: {info.get('name')}", f"File: {info.get('name')}"
        elif messages:
            title_ja, title_en = f"会話の記録（メッセージ {len(messages)} 件）", f"Conversation ({len(messages)} messages)"
        else:
            title_ja, title_en = "記録（ファイルなし）", "Record (no file)"
        if info and messages:
            title_ja, title_en = title_ja + f"（メッセージ {len(messages)} 件）", title_en + f" ({len(messages)} messages)"
        details = tuple((ja, en, str(entry[key])) for key, ja, en in FIELD_LABELS if entry.get(key))
        sensitive = entry.get("sensitive")
        rows.append(
            TimelineRow(
                seq=seq,
                recorded_utc=str(entry.get("recorded_at", "")),
                recorded_local=_shown(entry.get("recorded_at", ""), tz),
                title_ja=title_ja,
                title_en=title_en,
                sha256=info.get("sha256") if info else None,
                size=info.get("size") if info else None,
                details=details,
                thumbnail=thumbnails.get(int(entry.get("seq", 0))),
                withheld_reason=SENSITIVE_LABELS.get(sensitive) if info and sensitive else None,
                messages=messages,
            )
        )
    return rows


def render_html(rows: list[TimelineRow], meta: TimelineMeta) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ja"><head><meta charset="utf-8">',
        f"<title>{e(TITLE[0])} / {e(TITLE[1])}</title>",
        "<style>body{font-family:'IPAexGothic','Noto Sans CJK JP',sans-serif;margin:2em;line-height:1.6}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4em;vertical-align:top}"
        "th{background:#eee}.en{color:#555;font-size:.9em}.hash{font-family:monospace;word-break:break-all}"
        "img{max-width:240px;max-height:240px}.conversation td:nth-child(3){white-space:pre-wrap}</style></head><body>",
        f"<h1>{e(TITLE[0])} <span class=en>/ {e(TITLE[1])}</span></h1>",
        "<dl>",
        f"<dt>証拠フォルダ ID <span class=en>/ Locker ID</span></dt><dd class=hash>{e(meta.locker_id)}</dd>",
        f"<dt>作成 <span class=en>/ Created</span></dt><dd>{e(_shown(meta.created_at, meta.tz))} <span class=en>({e(meta.created_at)})</span></dd>",
        f"<dt>書き出し <span class=en>/ Exported</span></dt><dd>{e(_shown(meta.exported_at, meta.tz))} <span class=en>({e(meta.exported_at)})</span></dd>",
        f"<dt>記録数 <span class=en>/ Entries</span></dt><dd>{meta.head_count}</dd>",
        f"<dt>最新記録のハッシュ <span class=en>/ Head hash</span></dt><dd class=hash>{e(meta.head_hash)}</dd>",
    ]
    for fp in meta.fingerprints:
        parts.append(f"<dt>署名鍵の指紋 <span class=en>/ Signing key fingerprint</span></dt><dd class=hash>{e(fp)}</dd>")
    note = zone_note(meta.tz)
    parts += [
        "</dl>",
        f"<p>{e(VERIFY_HINT[0])}<br><span class=en>{e(VERIFY_HINT[1])}</span></p>",
        f"<p id=time-zone>{e(note[0])}<br><span class=en>{e(note[1])}</span></p>",
    ]
    talk = conversation(rows)
    if talk:
        dated = [m for m in talk if m.sort_key is not None]
        parts.append(f"<h2 id=conversation>{e(CONVERSATION_TITLE[0])} <span class=en>/ {e(CONVERSATION_TITLE[1])}</span></h2>")
        if dated:
            first, last = min(dated, key=lambda m: m.sort_key), max(dated, key=lambda m: m.sort_key)
            parts.append(f"<p>最初のメッセージ: {e(first.when_ja)}　最後のメッセージ: {e(last.when_ja)}（{len(talk)} 件）"
                         f"<br><span class=en>First message: {e(first.when_en)}; last: {e(last.when_en)} ({len(talk)} messages)</span></p>")
        heads = "".join(f"<th>{e(ja)}<br><span class=en>{e(en)}</span></th>" for ja, en in MESSAGE_HEADS)
        parts.append(f"<table class=conversation><tr>{heads}</tr>")
        for m in talk:
            parts.append(f"<tr><td>{e(m.when_ja)}</td><td>{e(m.speaker)}</td><td>{e(m.text)}</td><td>{m.seq}</td></tr>")
        parts.append("</table>")
    parts += [
        "<h2>記録の一覧（記録した順） <span class=en>/ Entries in the order recorded</span></h2>",
        "<table><tr><th>番号<br><span class=en>No.</span></th><th>記録日時<br><span class=en>Recorded</span></th>"
        "<th>内容<br><span class=en>Item</span></th><th>画像<br><span class=en>Image</span></th></tr>",
    ]
    for row in rows:
        details = "".join(
            f"<div>{e(ja)} <span class=en>/ {e(en)}</span>: {e(value)}</div>" for ja, en, value in row.details
        )
        digest = (
            f"<div>SHA-256 ({row.size:,} バイト / bytes): <span class=hash>{e(row.sha256)}</span></div>"
            if row.sha256
            else ""
        )
        if row.thumbnail:
            picture = f'<img src="{e(row.thumbnail)}" alt="記録 {row.seq} の縮小画像 / thumbnail of entry {row.seq}">'
        elif row.withheld_reason:
            picture = f"{e(row.withheld_reason[0])}<br><span class=en>{e(row.withheld_reason[1])}</span>"
        else:
            picture = ""
        parts.append(
            f"<tr><td>{row.seq}</td><td>{e(row.recorded_local)}<br><span class=en>{e(row.recorded_utc)}</span></td>"
            f"<td><b>{e(row.title_ja)}</b> <span class=en>/ {e(row.title_en)}</span>{digest}{details}</td>"
            f"<td>{picture}</td></tr>"
        )
    parts += ["</table>", "</body></html>", ""]
    return "\n".join(parts)
