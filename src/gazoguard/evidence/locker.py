"""An evidence locker: a folder of untouched originals plus an append-only hash chain.

Layout::

    DIR/locker.json        header (format, locker_id, created_at) — hashed into entry 1
    DIR/chain.jsonl        one canonical JSON entry per line, append-only
    DIR/head.json          count and hash of the latest entry (catches a cut-off tail)
    DIR/signatures.jsonl   optional Ed25519 signatures over heads
    DIR/items/000001/NAME  byte-for-byte copies of the recorded files (read-only)

Nothing here ever deletes or rewrites a recorded file; every metadata write is
atomic (temporary file + rename).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import mimetypes
import os
import shutil
import unicodedata
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from gazoguard.core.atomic import fsync_dir, write_bytes_atomic
from gazoguard.core.errors import GazoError
from gazoguard.evidence import shape
from gazoguard.evidence.chain import FORMAT, SENSITIVE_KINDS, canonical_json, head_of, seal_entry
from gazoguard.evidence.signing import sign_head
from gazoguard.evidence.model import LoadedEvidence, Problem

HEADER_FILE = "locker.json"
CHAIN_FILE = "chain.jsonl"
HEAD_FILE = "head.json"
SIGNATURES_FILE = "signatures.jsonl"
ITEMS_DIR = "items"
INCOMING_DIR = ".incoming"  # copies wait here until their entry is chained, then move into items/
LOCK_FILE = ".lock"
MAX_NAME_BYTES = 150


@dataclass(frozen=True)
class ItemDetails:
    """What the user tells us about an item besides its bytes (all optional, free text in any language)."""

    url: str | None = None
    sender: str | None = None
    sender_profile: str | None = None
    posted_at: str | None = None
    report_no: str | None = None
    note: str | None = None
    sensitive: str | None = None  # "sexual" or "minor": never thumbnailed
    # the messages of a chat, each with the date and time the chat showed (not when it was recorded):
    # {"date", "time", "speaker", "role", "text", "source"}, all but "text" optional
    messages: tuple[dict[str, Any], ...] | None = None

    def as_fields(self) -> dict[str, Any]:
        if self.sensitive is not None and self.sensitive not in SENSITIVE_KINDS:
            raise ValueError(f"sensitive must be one of {SENSITIVE_KINDS}")
        extra = {"messages": [_message_fields(m) for m in self.messages]} if self.messages else {}
        return {
            **extra,
            "url": self.url,
            "sender": self.sender,
            "sender_profile": self.sender_profile,
            "posted_at": self.posted_at,
            "report_no": self.report_no,
            "note": self.note,
            "sensitive": self.sensitive,
        }

    def is_empty(self) -> bool:
        return not any((self.url, self.sender, self.sender_profile, self.posted_at, self.report_no, self.note, self.messages))


MESSAGE_FIELDS = ("date", "time", "speaker", "role", "text", "source")


def _message_fields(message: dict[str, Any]) -> dict[str, str]:
    """One chat message as stored: its own date and time as the chat showed them, who, the words, where from."""
    if not isinstance(message, dict) or not str(message.get("text") or "").strip():
        raise ValueError("a message needs its text")
    return {key: str(message[key]) for key in MESSAGE_FIELDS if message.get(key) not in (None, "")}


class Locker:
    def __init__(self, root: Path, header: dict[str, Any]) -> None:
        self.root = root
        self.header = header

    # -- opening ---------------------------------------------------------
    @classmethod
    def init(cls, root: str | Path, *, now: datetime | None = None) -> "Locker":
        root = Path(root)
        if (root / HEADER_FILE).exists():
            raise GazoError("locker_exists", path=str(root))
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise GazoError("locker_dir_not_empty", path=str(root))
        root.mkdir(parents=True, exist_ok=True)
        (root / ITEMS_DIR).mkdir()
        created = _utc_iso(now or datetime.now(timezone.utc))
        header = {"format": FORMAT, "locker_id": str(uuid.uuid4()), "created_at": created}
        write_bytes_atomic(root / CHAIN_FILE, b"")
        write_bytes_atomic(root / HEADER_FILE, canonical_json(header) + b"\n")
        locker = cls(root, header)
        locker._write_head([])
        return locker

    @classmethod
    def open(cls, root: str | Path) -> "Locker":
        root = Path(root)
        header_path = root / HEADER_FILE
        if not header_path.is_file():
            raise GazoError("locker_not_found", path=str(root))
        try:
            header = json.loads(header_path.read_bytes())
        except (OSError, ValueError) as exc:
            raise GazoError("locker_corrupt", path=str(root), detail=f"{HEADER_FILE}: {type(exc).__name__}") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise GazoError("locker_corrupt", path=str(root), detail=f"{HEADER_FILE}: unknown format")
        return cls(root, header)

    # -- reading ---------------------------------------------------------
    def entries(self) -> list[dict[str, Any]]:
        entries, problems = _read_chain(self.root / CHAIN_FILE)
        if problems:
            raise GazoError("locker_corrupt", path=str(self.root), detail=problems[0].message_en)
        return entries

    def signatures(self) -> list[dict[str, Any]]:
        return _read_jsonl(self.root / SIGNATURES_FILE)

    def item_path(self, entry: dict[str, Any]) -> Path | None:
        """The stored copy of a file entry; refused when its name leaves the locker or a symlink replaced it."""
        info = entry.get("file")
        if not isinstance(info, dict):
            return None
        stored = info.get("stored_as")
        if not shape.safe_stored_as(stored, entry.get("seq")):
            raise GazoError("locker_corrupt", path=str(self.root), detail=f"unsafe stored name {str(stored)[:80]!r}")
        if _symlink_below(self.root, stored):
            raise GazoError("locker_corrupt", path=str(self.root), detail=f"{stored} is a symbolic link")
        return _committed_copy(self.root, stored)

    # -- appending -------------------------------------------------------
    def add_files(
        self, paths: list[str | Path], details: ItemDetails, *, now: datetime | None = None
    ) -> list[dict[str, Any]]:
        """Copy each file byte for byte and chain one entry per file; originals are never touched."""
        blobs = [(Path(p), _read_original(Path(p))) for p in paths]
        fields = details.as_fields()
        with self._locked():
            entries = self.entries()
            self._settle(len(entries))
            self._check_room(len(entries) + len(blobs))
            new: list[dict[str, Any]] = []
            for path, data in blobs:
                seq = len(entries) + len(new) + 1
                stored_as = self._store_copy(seq, path.name, data)
                body = {
                    "seq": seq,
                    "kind": "file",
                    **_timestamps(now),
                    "file": {
                        "name": path.name,
                        "stored_as": stored_as,
                        "size": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "media_type": mimetypes.guess_type(path.name)[0] or "application/octet-stream",
                    },
                    **fields,
                }
                prev = new[-1]["entry_hash"] if new else head_of(self.header, entries)[1]
                new.append(seal_entry(body, prev))
            self._append(entries, new)  # the commit point: from here on the copies are evidence
            self._settle(len(entries) + len(new))
        return new

    def add_record(self, details: ItemDetails, *, now: datetime | None = None) -> dict[str, Any]:
        """Chain an entry without a file: a URL, the sender's ID, a platform report number, a note."""
        if details.is_empty():
            raise GazoError("evidence_nothing_to_add")
        with self._locked():
            entries = self.entries()
            self._check_room(len(entries) + 1)
            body = {"seq": len(entries) + 1, "kind": "record", **_timestamps(now), "file": None, **details.as_fields()}
            entry = seal_entry(body, head_of(self.header, entries)[1])
            self._append(entries, [entry])
        return entry

    def sign(self, private_key) -> dict[str, Any]:
        with self._locked():
            entries = self.entries()
            count, head = head_of(self.header, entries)
            signature = sign_head(private_key, str(self.header["locker_id"]), count, head)
            old = (self.root / SIGNATURES_FILE).read_bytes() if (self.root / SIGNATURES_FILE).exists() else b""
            write_bytes_atomic(self.root / SIGNATURES_FILE, old + canonical_json(signature) + b"\n")
        return signature

    def _check_room(self, count: int) -> None:
        if count > shape.MAX_ENTRIES:
            raise GazoError("locker_full", path=str(self.root), limit=shape.MAX_ENTRIES)

    def _store_copy(self, seq: int, name: str, data: bytes) -> str:
        """Write the copy into ``.incoming/``; it moves into ``items/`` once its entry is chained."""
        folder = self.root / INCOMING_DIR / f"{seq:06d}"
        if folder.exists():
            shutil.rmtree(folder)  # left by an add that was killed before its commit point
        folder.mkdir(parents=True)
        target = folder / safe_file_name(name)
        write_bytes_atomic(target, data, mode=0o444)
        return f"{ITEMS_DIR}/{seq:06d}/{target.name}"

    def _settle(self, committed: int) -> None:
        """Move chained copies from ``.incoming/`` into ``items/``; drop copies whose entry was never chained."""
        incoming = self.root / INCOMING_DIR
        if not incoming.is_dir() or incoming.is_symlink():
            return
        (self.root / ITEMS_DIR).mkdir(exist_ok=True)
        for folder in sorted(incoming.iterdir()):
            if not (folder.name.isdigit() and folder.is_dir()) or folder.is_symlink():
                continue
            target = self.root / ITEMS_DIR / folder.name
            if int(folder.name) <= committed and not target.exists():
                os.rename(folder, target)
            elif int(folder.name) > committed:
                shutil.rmtree(folder)  # the add was interrupted before its entry was written
        fsync_dir(self.root / ITEMS_DIR)

    def _append(self, entries: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
        chain_path = self.root / CHAIN_FILE
        old = chain_path.read_bytes()
        write_bytes_atomic(chain_path, old + b"".join(canonical_json(e) + b"\n" for e in new))
        self._write_head(entries + new)

    def _write_head(self, entries: list[dict[str, Any]]) -> None:
        count, head = head_of(self.header, entries)
        write_bytes_atomic(self.root / HEAD_FILE, canonical_json({"count": count, "head_hash": head}) + b"\n")

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.root / LOCK_FILE, "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def load_locker(root: Path) -> LoadedEvidence:
    """Read a locker folder for :func:`gazoguard.evidence.verify.verify_loaded`."""
    if not (root / HEADER_FILE).is_file():
        raise GazoError("locker_not_found", path=str(root))
    problems: list[Problem] = []
    try:
        header_raw = _read_capped(root / HEADER_FILE, 64 * 1024)
        header = json.loads(header_raw)
        if not isinstance(header, dict):
            raise ValueError("not an object")
    except (OSError, ValueError, RecursionError) as exc:
        header = {}
        problems.append(Problem("manifest_unreadable", None, {"name": HEADER_FILE, "detail": str(exc)[:80]}))
    else:
        if header_raw != canonical_json(header) + b"\n":
            problems.append(Problem("manifest_not_canonical", None, {"name": HEADER_FILE}))
    entries, chain_problems = _read_chain(root / CHAIN_FILE)
    problems += chain_problems
    problems += shape.header_problems(header, HEADER_FILE) if header else []
    problems += shape.entries_problems(entries, CHAIN_FILE, allow_none=True)
    signatures = _read_jsonl(root / SIGNATURES_FILE)
    problems += shape.signature_problems(signatures, SIGNATURES_FILE)
    recorded_head = None
    try:
        head = json.loads(_read_capped(root / HEAD_FILE, 4096))
    except (OSError, ValueError, RecursionError) as exc:
        problems.append(Problem("manifest_unreadable", None, {"name": HEAD_FILE, "detail": type(exc).__name__}))
    else:
        head_shape = shape.head_problems(head, HEAD_FILE)
        problems += head_shape
        recorded_head = None if head_shape else (head["count"], head["head_hash"])
    present, links = _item_files(root)
    for entry in entries:
        info = entry.get("file") if isinstance(entry, dict) else None
        if isinstance(info, dict) and isinstance(info.get("stored_as"), str) and info["stored_as"] in links:
            problems.append(Problem("file_symlink", entry.get("seq"), {"name": info.get("name")}))
    stored = {str(e["file"].get("stored_as")) for e in entries if isinstance(e, dict) and isinstance(e.get("file"), dict)}
    for link in sorted(links - stored):
        problems.append(Problem("unexpected_file", None, {"name": link}))

    def digest(stored: str) -> tuple[int, str] | None:
        path = root / stored if stored in present else _incoming_copy(root, stored)
        if path is None:
            return None
        try:
            return _file_digest(path)
        except OSError:
            return None

    return LoadedEvidence(
        kind="locker",
        path=str(root),
        header=header,
        entries=entries,
        file_digest=digest,
        present_files=present,
        recorded_head=recorded_head,
        signatures=signatures,
        problems=problems,
    )


def _item_files(root: Path) -> tuple[set[str], set[str]]:
    """(regular files under items/, symbolic links under items/) — links are never followed."""
    files: set[str] = set()
    links: set[str] = set()
    items = root / ITEMS_DIR
    if items.is_symlink():
        return files, {ITEMS_DIR}
    for folder, dirs, names in os.walk(items, followlinks=False):
        base = Path(folder)
        for name in dirs + names:
            path = base / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                links.add(rel)
            elif name in names and path.is_file():
                files.add(rel)
    return files, links


def _incoming_copy(root: Path, stored: str) -> Path | None:
    """A chained copy that a killed add had not yet moved out of ``.incoming/`` (same bytes, checked by hash)."""
    if not stored.startswith(f"{ITEMS_DIR}/"):
        return None
    rel = INCOMING_DIR + stored[len(ITEMS_DIR) :]
    path = root / rel
    if _symlink_below(root, rel) or not path.is_file():
        return None
    return path


def _committed_copy(root: Path, stored: str) -> Path:
    path = root / stored
    if not path.exists():
        return _incoming_copy(root, stored) or path
    return path


def _symlink_below(root: Path, stored: str) -> bool:
    path = root
    for part in Path(stored).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False


def _read_capped(path: Path, limit: int) -> bytes:
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit} bytes")
    return data


def safe_file_name(name: str) -> str:
    """A file name safe on any file system, keeping Japanese characters (the original name is in the entry)."""
    name = unicodedata.normalize("NFC", name)
    cleaned = "".join("_" if ch in '/\\:*?"<>|' or unicodedata.category(ch).startswith("C") else ch for ch in name)
    cleaned = cleaned.strip(" .") or "file"
    while len(cleaned.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[:-1] + dot + ext) if dot and stem else cleaned[:-1]
    return cleaned


def _read_chain(path: Path) -> tuple[list[Any], list[Problem]]:
    entries: list[Any] = []
    problems: list[Problem] = []
    try:
        raw = _read_capped(path, shape.MAX_CHAIN_BYTES)
    except OSError as exc:
        return [], [Problem("manifest_unreadable", None, {"name": CHAIN_FILE, "detail": type(exc).__name__})]
    except ValueError:
        return [], [shape.malformed(CHAIN_FILE, f"larger than {shape.MAX_CHAIN_BYTES >> 20} MB")]
    if raw.count(b"\n") > shape.MAX_ENTRIES + 1:
        return [], [shape.malformed(CHAIN_FILE, f"more than {shape.MAX_ENTRIES} entries")]
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif raw:
        problems.append(Problem("entry_not_canonical", len(lines)))  # the final newline was removed
    for pos, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):
            entries.append(None)
            problems.append(Problem("entry_malformed", pos))
            continue
        entries.append(entry)
        if line != canonical_json(entry):
            seq = entry.get("seq") if isinstance(entry, dict) else pos
            problems.append(Problem("entry_not_canonical", seq if isinstance(seq, int) else pos))
    return entries, problems


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    out: list[dict[str, Any]] = []
    try:
        raw = _read_capped(path, shape.MAX_CHAIN_BYTES)
    except (OSError, ValueError):
        return [{}]  # reported as an invalid signature
    for line in raw.splitlines()[: shape.MAX_SIGNATURES + 1]:
        try:
            out.append(json.loads(line))
        except (ValueError, RecursionError):
            out.append({})  # reported as an invalid signature
    return out


def _read_original(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise GazoError("evidence_file_unreadable", path=str(path), detail="not found / 見つかりません") from None
    except IsADirectoryError:
        raise GazoError("evidence_file_unreadable", path=str(path), detail="a folder / フォルダです") from None
    except OSError as exc:
        raise GazoError("evidence_file_unreadable", path=str(path), detail=exc.strerror or type(exc).__name__) from None


def _file_digest(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    size = 0
    with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return size, h.hexdigest()


def _utc_iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _timestamps(now: datetime | None) -> dict[str, str]:
    moment = now or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone()
    return {
        "recorded_at": _utc_iso(moment),
        "recorded_at_local": local.isoformat(timespec="seconds"),
        "timezone": local.tzname() or os.environ.get("TZ", ""),
    }

