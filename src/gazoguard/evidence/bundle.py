"""Export a locker as one ZIP bundle, and read such a bundle back for verification.

Bundle layout::

    manifest.json            header, every chain entry, head, signatures and the
                             SHA-256 of each generated file (canonical, indented JSON)
    items/000001/NAME        the recorded files, byte for byte (same paths as in the locker)
    timeline.html, timeline.pdf, README.txt
    thumbnails/000001.jpg    only for images not marked sexual or minor
"""

from __future__ import annotations

import json
import zipfile
import zlib
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from gazoguard.core.atomic import atomic_output
from gazoguard.core.clock import DEFAULT_TZ, zone
from gazoguard.core.errors import GazoError
from gazoguard.evidence import shape
from gazoguard.evidence.chain import head_of, sha256_hex
from gazoguard.evidence.derived import make_thumbnail, readable_files, thumbnail_name, timeline_meta
from gazoguard.evidence.locker import ITEMS_DIR, Locker
from gazoguard.evidence.model import LoadedEvidence, Problem
from gazoguard.evidence.signing import seal_bundle
from gazoguard.evidence.timeline import build_rows

BUNDLE_FORMAT = "gazoguard.evidence-bundle/1"
MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = shape.MAX_MANIFEST_BYTES
MAX_EXPANDED_BYTES = 8 * 1024**3  # what verifying may decompress and hash
#: what reading a damaged member may raise (zlib's own error is not an OSError)
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError)
MAX_READ_BYTES = 64 * 1024 * 1024  # a member read whole (to rebuild a thumbnail or the timeline)


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The one serialisation we write; verify rejects any other spelling of the same content."""
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def export_bundle(
    locker: Locker, out: str | Path, *, now: datetime | None = None, sign_key=None,  # noqa: ANN001 - Ed25519 key
    tz: str = DEFAULT_TZ,
) -> dict[str, Any]:
    """Write the bundle atomically to ``out`` (never overwriting) and return its manifest.

    With ``sign_key`` the bundle is also sealed: one signature over the head and
    every generated file, so the PDF and thumbnails a lawyer reads are covered.
    ``tz`` is the zone the timeline shows recording times in (UTC beside them; message times are the
    chat's own); it is written in the manifest so that verify rebuilds the very same timeline.
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
    exported_at = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds")
    meta = timeline_meta(locker.header, (count, head), signatures, exported_at.replace("+00:00", "Z"), tz)
    thumb_paths = {seq: thumbnail_name(seq) for seq in thumbs}
    generated: dict[str, bytes] = {thumbnail_name(seq): data for seq, data in thumbs.items()}
    generated.update(readable_files(entries, meta, thumb_paths))
    generated["timeline.pdf"] = render_pdf(build_rows(entries, thumb_paths, tz), meta, {thumbnail_name(s): d for s, d in thumbs.items()})
    listing = {name: sha256_hex(data) for name, data in sorted(generated.items())}
    manifest = {
        "format": BUNDLE_FORMAT,
        "exported_at": meta.exported_at,
        "time_zone": tz,
        "locker": locker.header,
        "entries": entries,
        "head": {"count": count, "head_hash": head},
        "signatures": signatures,
        "generated": listing,
    }
    if sign_key is not None:
        locker_id = str(locker.header["locker_id"])
        manifest["seals"] = [seal_bundle(sign_key, locker_id, count, head, meta.exported_at, listing)]
    _write_zip(out, manifest, locker, entries, generated)
    return manifest


def _write_zip(out: Path, manifest: dict[str, Any], locker: Locker, entries: list[dict[str, Any]], generated: dict[str, bytes]) -> None:
    """All or nothing: a kill mid-way leaves no partial ZIP (the file has no name until it is complete)."""
    try:
        with atomic_output(out, replace=False) as raw, zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, manifest_bytes(manifest))
            for entry in entries:
                path = locker.item_path(entry)
                if path is not None:
                    zf.write(path, entry["file"]["stored_as"])
            for name, data in generated.items():
                zf.writestr(name, data)
    except FileExistsError:
        raise GazoError("output_exists", path=str(out)) from None


def load_bundle(path: Path) -> LoadedEvidence:
    """Read a bundle for :func:`gazoguard.evidence.verify.verify_loaded` without extracting it.

    Bounded before anything is read: the member count, the unpacked size and
    the manifest's size; member names must be the ones the exporter writes.
    """
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
    problems = _member_problems(infos)
    manifest = _read_manifest(zf, problems) if not problems else {}
    if not problems:
        problems += _manifest_shape(manifest)
    if problems:
        return LoadedEvidence(kind="bundle", path=str(path), header={}, entries=[], file_digest=lambda _n: None,
                              present_files=set(), problems=problems)
    return _loaded(path, zf, names, manifest)


def _member_problems(infos: list[zipfile.ZipInfo]) -> list[Problem]:
    if len(infos) > shape.MAX_MEMBERS:
        return [shape.malformed(str(MANIFEST), f"more than {shape.MAX_MEMBERS} files in the ZIP")]
    if sum(i.file_size for i in infos) > MAX_EXPANDED_BYTES:
        return [shape.malformed("ZIP", f"more than {MAX_EXPANDED_BYTES >> 30} GB unpacked")]
    unsafe = [i.filename for i in infos if not shape.safe_member_name(i.filename)]
    if unsafe:
        return [shape.malformed("ZIP", f"member name not written by gazoguard: {unsafe[0][:120]!r}")]
    return []


def _manifest_shape(manifest: dict[str, Any]) -> list[Problem]:
    if not manifest:
        return []  # unreadable: already reported
    checks = (
        shape.header_problems(manifest.get("locker"), f"{MANIFEST} locker"),
        shape.head_problems(manifest.get("head"), f"{MANIFEST} head"),
        shape.generated_problems(manifest.get("generated"), f"{MANIFEST} generated"),
        [] if isinstance(manifest.get("exported_at"), str) else [shape.malformed(MANIFEST, "exported_at is not a text")],
        [] if _known_zone(manifest.get("time_zone", DEFAULT_TZ)) else [shape.malformed(MANIFEST, "time_zone is not a known zone")],
    )
    for key in ("entries", "signatures", "seals"):
        if not isinstance(manifest.get(key, []), list):
            return [shape.malformed(f"{MANIFEST} {key}", "not a list")]
    problems = [p for group in checks for p in group]
    problems += shape.entries_problems(manifest.get("entries", []), f"{MANIFEST} entries")
    problems += shape.signature_problems(manifest.get("signatures", []), f"{MANIFEST} signatures")
    problems += shape.signature_problems(manifest.get("seals", []), f"{MANIFEST} seals")
    return problems


def _loaded(path: Path, zf: zipfile.ZipFile, names: list[str], manifest: dict[str, Any]) -> LoadedEvidence:
    problems: list[Problem] = []
    counts = Counter(names)
    for dup in sorted(n for n, c in counts.items() if c > 1):
        problems.append(Problem("unexpected_file", None, {"name": f"{dup} (×{counts[dup]})"}))
    generated: dict[str, str] = manifest["generated"]
    present = set(names)

    def digest(name: str) -> tuple[int, str] | None:
        return _member_digest(zf, name) if name in present else None

    def read(name: str) -> bytes | None:
        if name not in present:
            return None
        try:
            return zf.read(name) if zf.getinfo(name).file_size <= MAX_READ_BYTES else None
        except ZIP_READ_ERRORS:
            return None

    for name, expected in sorted(generated.items()):
        got = digest(name)
        if got is None:
            problems.append(Problem("derived_missing", None, {"name": name}))
        elif got[1] != expected:
            problems.append(Problem("derived_changed", None, {"name": name}))
    for name in sorted(present - set(generated) - {MANIFEST}):
        if not name.startswith(f"{ITEMS_DIR}/"):
            problems.append(Problem("unexpected_file", None, {"name": name}))
    head = manifest["head"]
    return LoadedEvidence(
        kind="bundle",
        path=str(path),
        header=manifest["locker"],
        entries=manifest.get("entries", []),
        file_digest=digest,
        present_files={n for n in names if n.startswith(f"{ITEMS_DIR}/") and not n.endswith("/")},
        recorded_head=(head["count"], head["head_hash"]),
        signatures=manifest.get("signatures", []),
        problems=problems,
        seals=manifest.get("seals", []),
        read_member=read,
        generated=generated,
        exported_at=manifest["exported_at"],
        time_zone=manifest.get("time_zone", DEFAULT_TZ),
    )


def _known_zone(name: object) -> bool:
    if not isinstance(name, str) or len(name) > 64:
        return False
    try:
        zone(name)
    except ValueError:
        return False
    return True


def _read_manifest(zf: zipfile.ZipFile, problems: list[Problem]) -> dict[str, Any]:
    info = zf.getinfo(MANIFEST)
    if info.file_size > MAX_MANIFEST_BYTES:
        problems.append(shape.malformed(MANIFEST, f"larger than {MAX_MANIFEST_BYTES >> 20} MB"))
        return {}
    try:
        with zf.open(MANIFEST) as fh:
            raw = fh.read(MAX_MANIFEST_BYTES + 1)  # the declared size may lie
        if len(raw) > MAX_MANIFEST_BYTES:
            raise ValueError("too large")
        manifest = json.loads(raw)
    except RecursionError:
        problems.append(shape.malformed(MANIFEST, "nested too deeply"))
        return {}
    except ZIP_READ_ERRORS as exc:
        problems.append(shape.malformed(MANIFEST, str(exc)[:120] or type(exc).__name__))
        return {}
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        problems.append(shape.malformed(MANIFEST, "unknown format"))
        return {}
    if shape.depth_exceeds(manifest, shape.MAX_DEPTH + 2):
        problems.append(shape.malformed(MANIFEST, "nested too deeply"))
        return {}
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
    except ZIP_READ_ERRORS:
        return -1, "unreadable"  # e.g. a CRC error: reported as a changed file
    return size, h.hexdigest()


def _thumbnails(locker: Locker, entries: list[dict[str, Any]]) -> dict[int, bytes]:
    """JPEG thumbnails of decodable images — never for entries marked sexual or minor."""
    out: dict[int, bytes] = {}
    for entry in entries:
        path = locker.item_path(entry)
        if path is None or entry.get("sensitive"):
            continue
        thumb = make_thumbnail(path.read_bytes())
        if thumb is not None:
            out[int(entry["seq"])] = thumb
    return out
