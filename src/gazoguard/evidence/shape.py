"""Bounds and types a locker or bundle must have before any check runs on it.

Verification reads files a stranger may have crafted.  Everything here is a
cheap, bounded walk: sizes and counts are capped before anything is read or
looped over, and every field a check touches must have the type the writer
gives it.  Anything else is reported as ``malformed`` (its own verdict and exit
code) instead of reaching a check that would loop, allocate or raise.
"""

from __future__ import annotations

import re
from typing import Any

from gazoguard.evidence.model import Problem

MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # ~20,000 entries; bounds what parsing the JSON may allocate
MAX_CHAIN_BYTES = MAX_MANIFEST_BYTES
MAX_ENTRIES = 20_000
MAX_SIGNATURES = 256
MAX_MEMBERS = 2 * MAX_ENTRIES + 16  # items, thumbnails and the fixed files
MAX_DEPTH = 6  # entry > file > value: anything deeper is not ours
MAX_TEXT = 256 * 1024
MAX_PROBLEMS = 1_000

ENTRY_TEXT_FIELDS = (
    "kind", "recorded_at", "recorded_at_local", "timezone", "url", "sender", "sender_profile", "posted_at",
    "report_no", "note", "sensitive", "prev_hash",
)
SIGNATURE_TEXT_FIELDS = ("algorithm", "public_key", "fingerprint", "head_hash", "signed_at", "signature")
FIXED_DERIVED = ("README.txt", "timeline.html", "timeline.pdf")
THUMBNAIL_NAME = re.compile(r"thumbnails/(\d{6})\.jpg")
STORED_AS = re.compile(r"items/(\d{6})/([^/\\\x00]+)")


def malformed(name: str, detail: str) -> Problem:
    return Problem("malformed", None, {"name": name, "detail": detail})


def depth_exceeds(obj: Any, limit: int = MAX_DEPTH) -> bool:
    """True when ``obj`` nests deeper than ``limit`` (iterative: a deep value cannot exhaust the stack)."""
    stack = [(obj, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            return True
    return False


def is_count(value: Any, low: int = 0, high: int = MAX_ENTRIES) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def safe_stored_as(stored: Any, seq: Any) -> bool:
    """``items/000007/NAME`` for entry 7, NAME one plain component: no ``..``, no absolute path, no separator."""
    if not isinstance(stored, str):
        return False
    match = STORED_AS.fullmatch(stored)
    return bool(match) and match.group(2) not in (".", "..") and is_count(seq, 1) and int(match.group(1)) == seq


def safe_member_name(name: str) -> bool:
    """A bundle member may only be one of the names the exporter writes."""
    if name == "manifest.json" or name in FIXED_DERIVED or THUMBNAIL_NAME.fullmatch(name):
        return True
    match = STORED_AS.fullmatch(name)
    return bool(match) and match.group(2) not in (".", "..")


def entry_problems(entry: Any, where: str) -> list[Problem]:
    if not isinstance(entry, dict):
        return [malformed(where, "not an object")]
    if depth_exceeds(entry):
        return [malformed(where, f"nested deeper than {MAX_DEPTH} or a text over {MAX_TEXT} bytes")]
    seq = entry.get("seq")
    if not is_count(seq, 1):
        return [malformed(where, f"seq must be a whole number from 1 to {MAX_ENTRIES}")]
    bad = [k for k in ENTRY_TEXT_FIELDS if entry.get(k) is not None and not isinstance(entry[k], str)]
    if not isinstance(entry.get("entry_hash"), str):
        bad.append("entry_hash")
    info = entry.get("file")
    if info is not None:
        if not isinstance(info, dict):
            bad.append("file")
        else:
            bad += [f"file.{k}" for k in ("name", "sha256", "media_type") if not isinstance(info.get(k), str)]
            if not is_count(info.get("size"), 0, 1 << 62):
                bad.append("file.size")
            if not safe_stored_as(info.get("stored_as"), seq):
                return [malformed(f"{where} (seq {seq})", "file.stored_as is not items/NNNNNN/NAME of this entry")]
    return [malformed(f"{where} (seq {seq})", "wrong type: " + ", ".join(bad))] if bad else []


def entries_problems(entries: list[Any], where: str, *, allow_none: bool = False) -> list[Problem]:
    """``allow_none``: a locker's unparsable chain line is already reported as a changed entry."""
    if len(entries) > MAX_ENTRIES:
        return [malformed(where, f"more than {MAX_ENTRIES} entries")]
    out: list[Problem] = []
    for pos, entry in enumerate(entries, start=1):
        if entry is None and allow_none:
            continue
        out += entry_problems(entry, f"{where} #{pos}")
        if len(out) >= MAX_PROBLEMS:
            break
    return out


def signature_problems(signatures: list[Any], where: str) -> list[Problem]:
    if len(signatures) > MAX_SIGNATURES:
        return [malformed(where, f"more than {MAX_SIGNATURES} signatures")]
    for n, sig in enumerate(signatures, start=1):
        if sig == {}:
            continue  # a locker's unparsable line: reported as an invalid signature
        if not isinstance(sig, dict) or not is_count(sig.get("head_seq")):
            return [malformed(f"{where} #{n}", "not a signature (head_seq)")]
        bad = [k for k in SIGNATURE_TEXT_FIELDS if k in sig and not isinstance(sig[k], str)]
        if bad or depth_exceeds(sig, 2):
            return [malformed(f"{where} #{n}", "wrong type: " + (", ".join(bad) or "nested value"))]
    return []


def header_problems(header: Any, where: str) -> list[Problem]:
    if not isinstance(header, dict) or depth_exceeds(header, 1):
        return [malformed(where, "the header must be an object of texts")]
    bad = [k for k in ("format", "locker_id", "created_at") if not isinstance(header.get(k), str)]
    return [malformed(where, "wrong type: " + ", ".join(bad))] if bad else []


def head_problems(head: Any, where: str) -> list[Problem]:
    if not isinstance(head, dict) or not is_count(head.get("count")) or not isinstance(head.get("head_hash"), str):
        return [malformed(where, f"head needs a count from 0 to {MAX_ENTRIES} and a head_hash text")]
    return []


def generated_problems(generated: Any, where: str) -> list[Problem]:
    if not isinstance(generated, dict) or len(generated) > MAX_ENTRIES + len(FIXED_DERIVED):
        return [malformed(where, "generated must be an object of file name → SHA-256")]
    for name, digest in generated.items():
        if not isinstance(digest, str) or not (name in FIXED_DERIVED or THUMBNAIL_NAME.fullmatch(name)):
            return [malformed(where, f"not a generated file: {name[:80]!r}")]
    return []
