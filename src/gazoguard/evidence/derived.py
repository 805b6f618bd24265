"""What a reader of a bundle sees besides the raw records: made at export, rebuilt and compared at verify.

``timeline.html`` and ``README.txt`` are pure functions of the chained records,
so verify rebuilds them byte for byte.  A thumbnail is rebuilt from its chained
item and compared picture to picture (JPEG encoders may differ by a few levels
between machines, a replaced or edited picture differs by far more).  The PDF's
rendering depends on the fonts of the machine, so it is covered by the export
seal instead (see ``signing.seal_bundle``).
"""

from __future__ import annotations

import io
from typing import Any, Callable

from gazoguard.core.clock import DEFAULT_TZ
from gazoguard.core.errors import GazoError
from gazoguard.evidence.model import Problem
from gazoguard.evidence.shape import THUMBNAIL_NAME
from gazoguard.evidence.timeline import TimelineMeta, build_rows, render_html

THUMBNAIL_SIDE = 320
THUMBNAIL_QUALITY = 80
BLOCK = 8
MAX_BLOCK_DIFFERENCE = 24.0  # mean absolute difference (0–255) allowed in any 8×8 block: re-encoding, not editing
README = (
    "画像ガード 証拠パッケージ / gazoguard evidence bundle\n\n"
    "確認方法: pip install gazoguard の後、gazoguard evidence verify このファイル.zip\n"
    "To check it: pip install gazoguard, then run gazoguard evidence verify THIS.zip\n\n"
    "manifest.json: すべての記録と SHA-256 / every entry with its SHA-256\n"
    "timeline.html, timeline.pdf: 読みやすい時系列 / readable timeline\n"
    "items/: 記録した元のファイル（無加工）/ the recorded files, unmodified\n"
)


def thumbnail_name(seq: int) -> str:
    return f"thumbnails/{seq:06d}.jpg"


def make_thumbnail(data: bytes) -> bytes | None:
    """A JPEG thumbnail of a decodable picture, or None (not an image: listed without one)."""
    from gazoguard.imaging.picture import decode_bytes

    try:
        picture = decode_bytes(data)
    except GazoError:
        return None
    image = picture.image.copy()
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=THUMBNAIL_QUALITY)
    return buf.getvalue()


def timeline_meta(
    header: dict[str, Any], head: tuple[int, str], signatures: list[Any], exported_at: str, tz: str = DEFAULT_TZ
) -> TimelineMeta:
    count, head_hash = head
    return TimelineMeta(
        locker_id=str(header.get("locker_id")),
        created_at=str(header.get("created_at")),
        exported_at=exported_at,
        head_count=count,
        head_hash=head_hash,
        fingerprints=tuple(
            dict.fromkeys(str(s.get("fingerprint")) for s in signatures if isinstance(s, dict) and s.get("head_seq") == count)
        ),
        tz=tz,
    )


def readable_files(entries: list[dict[str, Any]], meta: TimelineMeta, thumbnails: dict[int, str]) -> dict[str, bytes]:
    """``timeline.html`` and ``README.txt`` exactly as export writes them."""
    return {"timeline.html": render_html(build_rows(entries, thumbnails, meta.tz), meta).encode("utf-8"), "README.txt": README.encode()}


def check_readable(
    entries: list[dict[str, Any]], meta: TimelineMeta, generated: dict[str, str], read: Callable[[str], bytes | None]
) -> list[Problem]:
    thumbs = {int(m.group(1)): name for name in generated if (m := THUMBNAIL_NAME.fullmatch(name))}
    problems: list[Problem] = []
    for name, rebuilt in readable_files(entries, meta, thumbs).items():
        found = read(name)
        if found is None:
            problems.append(Problem("derived_missing", None, {"name": name}))
        elif found != rebuilt:
            problems.append(Problem("derived_rebuilt_differs", None, {"name": name}))
    return problems


def check_thumbnails(
    entries: list[dict[str, Any]], generated: dict[str, str], read: Callable[[str], bytes | None]
) -> list[Problem]:
    """Each thumbnail must belong to a non-sensitive file entry and look like that entry's picture."""
    by_seq = {e["seq"]: e for e in entries}
    problems: list[Problem] = []
    for name in sorted(generated):
        match = THUMBNAIL_NAME.fullmatch(name)
        if not match:
            continue
        entry = by_seq.get(int(match.group(1)))
        found = read(name)
        if found is None:
            continue  # reported as derived_missing by the loader
        item = read(entry["file"]["stored_as"]) if entry and entry.get("file") and not entry.get("sensitive") else None
        rebuilt = make_thumbnail(item) if item is not None else None
        if rebuilt is None or not same_picture(found, rebuilt):
            problems.append(Problem("derived_rebuilt_differs", entry["seq"] if entry else None, {"name": name}))
    return problems


def same_picture(a: bytes, b: bytes) -> bool:
    if a == b:
        return True
    import numpy as np

    pa, pb = _small_rgb(a), _small_rgb(b)
    if pa is None or pb is None or pa.shape != pb.shape:
        return False
    diff = np.abs(pa.astype(np.int16) - pb.astype(np.int16)).mean(axis=2)
    h, w = (diff.shape[0] // BLOCK) * BLOCK, (diff.shape[1] // BLOCK) * BLOCK
    if h == 0 or w == 0:
        return float(diff.mean()) <= MAX_BLOCK_DIFFERENCE
    blocks = diff[:h, :w].reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).mean(axis=(1, 3))
    return float(blocks.max()) <= MAX_BLOCK_DIFFERENCE


def _small_rgb(data: bytes):  # noqa: ANN202 - numpy array or None
    import numpy as np
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.format != "JPEG" or max(im.size) > THUMBNAIL_SIDE:
                return None
            return np.asarray(im.convert("RGB"))
    except Exception:  # noqa: BLE001 - a crafted thumbnail is simply not the same picture
        return None
