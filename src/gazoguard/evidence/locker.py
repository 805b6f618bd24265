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
import unicodedata
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from gazoguard.core.errors import GazoError
from gazoguard.core.atomic import write_bytes_atomic
from gazoguard.evidence.chain import FORMAT, SENSITIVE_KINDS, canonical_json, head_of, seal_entry
from gazoguard.evidence.signing import sign_head
from gazoguard.evidence.model import LoadedEvidence, Problem

HEADER_FILE = "locker.json"
CHAIN_FILE = "chain.jsonl"
HEAD_FILE = "head.json"
SIGNATURES_FILE = "signatures.jsonl"
ITEMS_DIR = "items"
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
        info = entry.get("file")
        return self.root / info["stored_as"] if isinstance(info, dict) else None

    # -- appending -------------------------------------------------------
    def add_files(
        self, paths: list[str | Path], details: ItemDetails, *, now: datetime | None = None
    ) -> list[dict[str, Any]]:
        """Copy each file byte for byte and chain one entry per file; originals are never touched."""
        blobs = [(Path(p), _read_original(Path(p))) for p in paths]
        fields = details.as_fields()
        with self._locked():
            entries = self.entries()
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
            self._append(entries, new)
        return new

    def add_record(self, details: ItemDetails, *, now: datetime | None = None) -> dict[str, Any]:
        """Chain an entry without a file: a URL, the sender's ID, a platform report number, a note."""
        if details.is_empty():
            raise GazoError("evidence_nothing_to_add")
        with self._locked():
            entries = self.entries()
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

    def _store_copy(self, seq: int, name: str, data: bytes) -> str:
        folder = self.root / ITEMS_DIR / f"{seq:06d}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / safe_file_name(name)
        write_bytes_atomic(target, data, mode=0o444)
        return target.relative_to(self.root).as_posix()

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
    header_raw = (root / HEADER_FILE).read_bytes()
    try:
        header = json.loads(header_raw)
        if not isinstance(header, dict):
            raise ValueError("not an object")
    except ValueError as exc:
        header = {}
        problems.append(Problem("manifest_unreadable", None, {"name": HEADER_FILE, "detail": str(exc)[:80]}))
    else:
        if header_raw != canonical_json(header) + b"\n":
            problems.append(Problem("manifest_not_canonical", None, {"name": HEADER_FILE}))
    entries, chain_problems = _read_chain(root / CHAIN_FILE)
    problems += chain_problems
    recorded_head = None
    try:
        head = json.loads((root / HEAD_FILE).read_bytes())
        recorded_head = (int(head["count"]), str(head["head_hash"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        problems.append(Problem("manifest_unreadable", None, {"name": HEAD_FILE, "detail": type(exc).__name__}))
    items = root / ITEMS_DIR
    present = {p.relative_to(root).as_posix() for p in items.rglob("*") if p.is_file()} if items.is_dir() else set()

    def digest(stored: str) -> tuple[int, str] | None:
        path = root / stored
        if stored not in present or not path.is_file():
            return None
        return _file_digest(path)

    return LoadedEvidence(
        kind="locker",
        path=str(root),
        header=header,
        entries=entries,
        file_digest=digest,
        present_files=present,
        recorded_head=recorded_head,
        signatures=_read_jsonl(root / SIGNATURES_FILE),
        problems=problems,
    )


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
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem("manifest_unreadable", None, {"name": CHAIN_FILE, "detail": type(exc).__name__})]
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif raw:
        problems.append(Problem("entry_not_canonical", len(lines)))  # the final newline was removed
    for pos, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except ValueError:
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
    for line in path.read_bytes().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
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
    with open(path, "rb") as fh:
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

