"""Check a locker folder or an exported bundle and say exactly which entry broke.

Both are first read into :class:`LoadedEvidence` (see ``locker.py`` and
``bundle.py``); the checks below are the same for both, so a bundle verifies
on another machine with only this package installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from gazoguard.evidence.bundle import load_bundle
from gazoguard.evidence.chain import compute_entry_hash, head_of, header_hash
from gazoguard.evidence.locker import load_locker
from gazoguard.evidence.model import PROBLEM_TEXT, LoadedEvidence, Problem, SignatureCheck, VerifyResult
from gazoguard.evidence.signing import check_signature, normalise_fingerprint

__all__ = ["PROBLEM_TEXT", "LoadedEvidence", "Problem", "SignatureCheck", "VerifyResult", "verify_loaded", "verify_path"]


def verify_path(path: str | Path, *, expect_fingerprint: str | None = None) -> VerifyResult:
    """Verify a locker folder or a ``.zip`` bundle (raises GazoError when it cannot be opened at all)."""
    p = Path(path)
    loaded = load_locker(p) if p.is_dir() else load_bundle(p)
    return verify_loaded(loaded, expect_fingerprint=expect_fingerprint)


def verify_loaded(loaded: LoadedEvidence, *, expect_fingerprint: str | None = None) -> VerifyResult:
    problems = list(loaded.problems)
    entries = loaded.entries
    problems += _check_entries(loaded.header, entries)
    problems += _check_files(entries, loaded.file_digest, loaded.present_files)
    problems += _check_head(loaded.header, entries, loaded.recorded_head)
    sig_problems, checks = _check_signatures(loaded, expect_fingerprint)
    problems += sig_problems
    _, head = head_of(loaded.header, [e for e in entries if isinstance(e, dict)])
    return VerifyResult(loaded.kind, loaded.path, len(entries), head, problems, checks)


def _check_entries(header: dict[str, Any], entries: list[Any]) -> list[Problem]:
    problems: list[Problem] = []
    expected_prev = header_hash(header)
    for pos, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("seq"), int):
            problems.append(Problem("entry_malformed", pos))
            expected_prev = None
            continue
        seq = entry["seq"]
        if seq != pos:
            problems.append(Problem("out_of_order", seq, {"pos": pos}))
        if compute_entry_hash(entry) != entry.get("entry_hash"):
            problems.append(Problem("entry_changed", seq))
        if expected_prev is not None and entry.get("prev_hash") != expected_prev:
            problems.append(Problem("header_changed" if pos == 1 else "link_broken", seq))
        expected_prev = entry.get("entry_hash")
    present = {e["seq"] for e in entries if isinstance(e, dict) and isinstance(e.get("seq"), int)}
    for seq in range(1, max(present, default=0)):
        if seq not in present:
            problems.append(Problem("entry_missing", seq))
    return problems


def _check_files(
    entries: list[Any], digest_of: Callable[[str], tuple[int, str] | None], present: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    referenced: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), dict):
            continue
        info = entry["file"]
        stored = str(info.get("stored_as", ""))
        referenced.add(stored)
        name = info.get("name", stored)
        digest = digest_of(stored) if stored else None
        if digest is None:
            problems.append(Problem("file_missing", entry.get("seq"), {"name": name}))
        elif digest != (info.get("size"), info.get("sha256")):
            problems.append(Problem("file_changed", entry.get("seq"), {"name": name}))
    for extra in sorted(present - referenced):
        problems.append(Problem("unexpected_file", None, {"name": extra}))
    return problems


def _check_head(header: dict[str, Any], entries: list[Any], recorded: tuple[int, str] | None) -> list[Problem]:
    if recorded is None:
        return []
    expected_count, expected_hash = recorded
    found = len(entries)
    if found < expected_count:
        return [Problem("entries_removed", found + 1, {"found": found, "missing": expected_count - found, "expected": expected_count})]
    if expected_count == 0:
        return []
    at = entries[expected_count - 1]
    if not isinstance(at, dict) or at.get("entry_hash") != expected_hash:
        return [Problem("head_mismatch", expected_count)]
    return []


def _check_signatures(
    loaded: LoadedEvidence, expect_fingerprint: str | None
) -> tuple[list[Problem], list[SignatureCheck]]:
    problems: list[Problem] = []
    checks: list[SignatureCheck] = []
    locker_id = str(loaded.header.get("locker_id", ""))
    by_seq = {e.get("seq"): e for e in loaded.entries if isinstance(e, dict)}
    for sig in loaded.signatures:
        valid, fp = check_signature(sig, locker_id) if isinstance(sig, dict) else (False, "?")
        head_seq = int(sig.get("head_seq", 0)) if isinstance(sig, dict) else 0
        checks.append(SignatureCheck(fp, head_seq, valid))
        if not valid:
            problems.append(Problem("signature_invalid", None, {"fingerprint": fp}))
            continue
        signed = by_seq.get(head_seq)
        if head_seq > 0 and (signed is None or signed.get("entry_hash") != sig.get("head_hash")):
            problems.append(Problem("signature_head_unknown", head_seq, {"fingerprint": fp}))
    if expect_fingerprint:
        wanted = normalise_fingerprint(expect_fingerprint)
        if not any(c.valid and normalise_fingerprint(c.fingerprint) == wanted for c in checks):
            problems.append(Problem("fingerprint_mismatch", None, {"expected": expect_fingerprint}))
    return problems, checks
