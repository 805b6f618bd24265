"""Export a locker as one ZIP bundle, and read such a bundle back for verification.

Bundle layout::

    manifest.json            header, every chain entry, head, signatures and the
                             SHA-256 of each generated file (canonical, indented JSON)
    items/000001/NAME        the recorded files, byte for byte (same paths as in the locker)
    timeline.html, timeline.pdf, README.txt
    thumbnails/000001.jpg    only for images not marked sexual or minor
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from gazoguard.core.clock import DEFAULT_TZ, zone
from gazoguard.core.errors import GazoError
from gazoguard.core.atomic import fsync_dir
from gazoguard.evidence.chain import head_of, sha256_hex
from gazoguard.evidence.locker import ITEMS_DIR, Locker
from gazoguard.evidence.timeline import TimelineMeta, build_rows, render_html
from gazoguard.evidence.model import LoadedEvidence, Problem

BUNDLE_FORMAT = "gazoguard.evidence-bundle/1"
MANIFEST = "manifest.json"
THUMBNAIL_SIDE = 320
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
README = (
    "画像ガード 証拠パッケージ / gazoguard evidence bundle\n\n"
    "確認方法: pip install gazoguard の後、gazoguard evidence verify このファイル.zip\n"
    "To check it: pip install gazoguard, then run gazoguard evidence verify THIS.zip\n\n"
    "manifest.json: すべての記録と SHA-256 / every entry with its SHA-256\n"
    "timeline.html, timeline.pdf: 読みやすい時系列 / readable timeline\n"
    "items/: 記録した元のファイル（無加工）/ the recorded files, unmodified\n"
)


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The one serialisation we write; verify rejects any other spelling of the same content."""
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def export_bundle(locker: Locker, out: str | Path, *, now: datetime | None = None, tz: str = DEFAULT_TZ) -> dict[str, Any]:
    """Write the bundle atomically to ``out`` (never overwriting) and return its manifest.

    ``tz`` is the zone the timeline shows recording times in (UTC beside them); message times are the chat's own.
    """
    from gazoguard.evidence.timeline_pdf import render_pdf

    out = Path(out)
    try:
        zone(tz)
    except ValueError:
        raise GazoError("unknown_time_zone", name=tz) from None
    if out.exists():
        raise GazoError("output_exists", path=str(out))
    entries = locker.entries()
    count, head = head_of(locker.header, entries)
    signatures = locker.signatures()
    thumbs = _thumbnails(locker, entries)
    thumb_paths = {seq: name for seq, (name, _) in thumbs.items()}
    exported_at = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds")
    meta = TimelineMeta(
        locker_id=str(locker.header.get("locker_id")),
        created_at=str(locker.header.get("created_at")),
        exported_at=exported_at.replace("+00:00", "Z"),
        head_count=count,
        head_hash=head,
        fingerprints=tuple(dict.fromkeys(str(s.get("fingerprint")) for s in signatures if s.get("head_seq") == count)),
        tz=tz,
    )
    rows = build_rows(entries, thumb_paths, tz)
    generated: dict[str, bytes] = {name: data for name, data in thumbs.values()}
    generated["timeline.html"] = render_html(rows, meta).encode("utf-8")
    generated["timeline.pdf"] = render_pdf(rows, meta, {name: data for name, data in thumbs.values()})
    generated["README.txt"] = README.encode("utf-8")
    manifest = {
        "format": BUNDLE_FORMAT,
        "exported_at": meta.exported_at,
        "locker": locker.header,
        "entries": entries,
        "head": {"count": count, "head_hash": head},
        "signatures": signatures,
        "generated": {name: sha256_hex(data) for name, data in sorted(generated.items())},
    }
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent if str(out.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, manifest_bytes(manifest))
            for entry in entries:
                path = locker.item_path(entry)
                if path is not None:
                    zf.write(path, entry["file"]["stored_as"])
            for name, data in generated.items():
                zf.writestr(name, data)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    fsync_dir(out.parent)
    return manifest


def load_bundle(path: Path) -> LoadedEvidence:
    """Read a bundle for :func:`gazoguard.evidence.verify.verify_loaded` without extracting it."""
    if not path.exists():
        raise GazoError("locker_not_found", path=str(path))
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise GazoError("bad_bundle", path=str(path), detail=str(exc)[:160] or type(exc).__name__) from None
    names = [i.filename for i in infos]
    if MANIFEST not in names:
        raise GazoError("bad_bundle", path=str(path), detail=f"no {MANIFEST}")
    problems: list[Problem] = []
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem("unexpected_file", None, {"name": f"{dup} (×{names.count(dup)})"}))
    manifest = _read_manifest(zf, problems)
    generated = manifest.get("generated") if isinstance(manifest.get("generated"), dict) else {}

    def digest(name: str) -> tuple[int, str] | None:
        return _member_digest(zf, name) if name in names else None

    for name, expected in sorted(generated.items()):
        got = digest(name)
        if got is None:
            problems.append(Problem("derived_missing", None, {"name": name}))
        elif got[1] != expected:
            problems.append(Problem("derived_changed", None, {"name": name}))
    for name in sorted(set(names) - set(generated) - {MANIFEST}):
        if not name.startswith(f"{ITEMS_DIR}/"):
            problems.append(Problem("unexpected_file", None, {"name": name}))
    head = manifest.get("head") if isinstance(manifest.get("head"), dict) else {}
    try:
        recorded_head = (int(head["count"]), str(head["head_hash"]))
    except (KeyError, TypeError, ValueError):
        recorded_head = None
        if manifest:
            problems.append(Problem("manifest_unreadable", None, {"name": f"{MANIFEST} head", "detail": "missing"}))
    entries = manifest.get("entries") if isinstance(manifest.get("entries"), list) else []
    signatures = manifest.get("signatures") if isinstance(manifest.get("signatures"), list) else []
    return LoadedEvidence(
        kind="bundle",
        path=str(path),
        header=manifest.get("locker") if isinstance(manifest.get("locker"), dict) else {},
        entries=entries,
        file_digest=digest,
        present_files={n for n in names if n.startswith(f"{ITEMS_DIR}/") and not n.endswith("/")},
        recorded_head=recorded_head,
        signatures=signatures,
        problems=problems,
    )


def _read_manifest(zf: zipfile.ZipFile, problems: list[Problem]) -> dict[str, Any]:
    info = zf.getinfo(MANIFEST)
    if info.file_size > MAX_MANIFEST_BYTES:
        problems.append(Problem("manifest_unreadable", None, {"name": MANIFEST, "detail": "too large"}))
        return {}
    try:
        raw = zf.read(MANIFEST)
        manifest = json.loads(raw)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        problems.append(Problem("manifest_unreadable", None, {"name": MANIFEST, "detail": str(exc)[:120]}))
        return {}
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        problems.append(Problem("manifest_unreadable", None, {"name": MANIFEST, "detail": "unknown format"}))
        return manifest if isinstance(manifest, dict) else {}
    if raw != manifest_bytes(manifest):
        problems.append(Problem("manifest_not_canonical", None, {"name": MANIFEST}))
    return manifest


def _member_digest(zf: zipfile.ZipFile, name: str) -> tuple[int, str]:
    import hashlib

    h = hashlib.sha256()
    size = 0
    try:
        with zf.open(name) as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
                size += len(block)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return -1, "unreadable"  # e.g. a CRC error: reported as a changed file
    return size, h.hexdigest()


def _thumbnails(locker: Locker, entries: list[dict[str, Any]]) -> dict[int, tuple[str, bytes]]:
    """JPEG thumbnails of decodable images — never for entries marked sexual or minor."""
    from gazoguard.imaging.picture import load_picture

    out: dict[int, tuple[str, bytes]] = {}
    for entry in entries:
        path = locker.item_path(entry)
        if path is None or entry.get("sensitive"):
            continue
        try:
            picture = load_picture(path)
        except GazoError:
            continue  # not an image (a saved page, a PDF): listed without a thumbnail
        image = picture.image.copy()
        image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        buf = io.BytesIO()
        image.save(buf, format="JPEG", quality=80)
        out[int(entry["seq"])] = (f"thumbnails/{int(entry['seq']):06d}.jpg", buf.getvalue())
    return out
