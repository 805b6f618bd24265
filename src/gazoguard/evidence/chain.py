"""The append-only hash chain behind an evidence locker (pure functions, no I/O).

Every entry is a JSON object serialised canonically (sorted keys, no spaces,
UTF-8).  ``entry_hash`` is the SHA-256 of that serialisation without the
``entry_hash`` field, and ``prev_hash`` links each entry to the one before it;
the first entry links to the hash of the locker header.  Changing, removing or
reordering anything therefore changes a hash that a later link or the recorded
head still remembers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

FORMAT = "gazoguard.evidence/1"
SENSITIVE_KINDS = ("sexual", "minor")


def canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def header_hash(header: dict[str, Any]) -> str:
    """Genesis link: the first entry's ``prev_hash``."""
    return sha256_hex(canonical_json(header))


def compute_entry_hash(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k != "entry_hash"}
    return sha256_hex(canonical_json(body))


def seal_entry(body: dict[str, Any], prev_hash: str) -> dict[str, Any]:
    """Return ``body`` with ``prev_hash`` and its ``entry_hash`` filled in."""
    entry = dict(body)
    entry["prev_hash"] = prev_hash
    entry.pop("entry_hash", None)
    entry["entry_hash"] = compute_entry_hash(entry)
    return entry


def head_of(header: dict[str, Any], entries: list[dict[str, Any]]) -> tuple[int, str]:
    """(number of entries, hash of the last entry — or of the header when empty)."""
    if not entries:
        return 0, header_hash(header)
    return len(entries), str(entries[-1].get("entry_hash", ""))


def signed_message(locker_id: str, head_seq: int, head_hash: str) -> bytes:
    """The exact bytes an Ed25519 signature over a chain head covers."""
    return f"{FORMAT} head\n{locker_id}\n{head_seq}\n{head_hash}\n".encode("utf-8")


def sealed_message(locker_id: str, head_seq: int, head_hash: str, exported_at: str, generated: dict[str, str]) -> bytes:
    """The bytes an export seal covers: the head plus every generated file's SHA-256 (timeline, thumbnails…)."""
    listing = sha256_hex(canonical_json(generated))
    return f"{FORMAT} bundle\n{locker_id}\n{head_seq}\n{head_hash}\n{exported_at}\n{listing}\n".encode("utf-8")
