"""A readable timeline of the locker (Japanese first, English beside it) as HTML.

The PDF version in ``timeline_pdf.py`` uses the same rows, so the two never
disagree.  Thumbnails are only ever passed in for items not marked sexual or
minor (see ``bundle.py``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True)
class TimelineMeta:
    locker_id: str
    created_at: str
    exported_at: str
    head_count: int
    head_hash: str
    fingerprints: tuple[str, ...]


def build_rows(entries: list[dict[str, Any]], thumbnails: dict[int, str]) -> list[TimelineRow]:
    rows = []
    for entry in entries:
        info = entry.get("file") if isinstance(entry.get("file"), dict) else None
        if info:
            title_ja, title_en = f"ファイル: {info.get('name')}", f"File: {info.get('name')}"
        else:
            title_ja, title_en = "記録（ファイルなし）", "Record (no file)"
        details = tuple((ja, en, str(entry[key])) for key, ja, en in FIELD_LABELS if entry.get(key))
        sensitive = entry.get("sensitive")
        rows.append(
            TimelineRow(
                seq=int(entry.get("seq", 0)),
                recorded_utc=str(entry.get("recorded_at", "")),
                recorded_local=f"{entry.get('recorded_at_local', '')} {entry.get('timezone', '')}".strip(),
                title_ja=title_ja,
                title_en=title_en,
                sha256=info.get("sha256") if info else None,
                size=info.get("size") if info else None,
                details=details,
                thumbnail=thumbnails.get(int(entry.get("seq", 0))),
                withheld_reason=SENSITIVE_LABELS.get(sensitive) if info and sensitive else None,
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
        "img{max-width:240px;max-height:240px}</style></head><body>",
        f"<h1>{e(TITLE[0])} <span class=en>/ {e(TITLE[1])}</span></h1>",
        "<dl>",
        f"<dt>証拠フォルダ ID <span class=en>/ Locker ID</span></dt><dd class=hash>{e(meta.locker_id)}</dd>",
        f"<dt>作成 <span class=en>/ Created</span></dt><dd>{e(meta.created_at)}</dd>",
        f"<dt>書き出し <span class=en>/ Exported</span></dt><dd>{e(meta.exported_at)}</dd>",
        f"<dt>記録数 <span class=en>/ Entries</span></dt><dd>{meta.head_count}</dd>",
        f"<dt>最新記録のハッシュ <span class=en>/ Head hash</span></dt><dd class=hash>{e(meta.head_hash)}</dd>",
    ]
    for fp in meta.fingerprints:
        parts.append(f"<dt>署名鍵の指紋 <span class=en>/ Signing key fingerprint</span></dt><dd class=hash>{e(fp)}</dd>")
    parts += [
        "</dl>",
        f"<p>{e(VERIFY_HINT[0])}<br><span class=en>{e(VERIFY_HINT[1])}</span></p>",
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
