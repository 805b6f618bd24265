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
from gazoguard.evidence.derived import check_readable, check_thumbnails, timeline_meta
from gazoguard.evidence.locker import load_locker
from gazoguard.evidence.model import MALFORMED_CODES, PROBLEM_TEXT, LoadedEvidence, Problem, SignatureCheck, VerifyResult
from gazoguard.evidence.shape import MAX_PROBLEMS
from gazoguard.evidence.signing import check_seal, check_signature, normalise_fingerprint

__all__ = ["MALFORMED_CODES", "PROBLEM_TEXT", "LoadedEvidence", "Problem", "SignatureCheck", "VerifyResult",
           "verify_loaded", "verify_path"]


def verify_path(path: str | Path, *, expect_fingerprint: str | None = None) -> VerifyResult:
    """Verify a locker folder or a ``.zip`` bundle (raises GazoError when it cannot be opened at all)."""
    p = Path(path)
    loaded = load_locker(p) if p.is_dir() else load_bundle(p)
    return verify_loaded(loaded, expect_fingerprint=expect_fingerprint)


def verify_loaded(loaded: LoadedEvidence, *, expect_fingerprint: str | None = None) -> VerifyResult:
    """Run every check; a malformed locker or bundle gets that verdict alone (no check runs on bad shapes)."""
    problems = list(loaded.problems)
    entries = loaded.entries
    if any(p.code in MALFORMED_CODES for p in problems):
        return VerifyResult(loaded.kind, loaded.path, len(entries), "", problems[:MAX_PROBLEMS], [])
    problems += _check_entries(loaded.header, entries)
    problems += _check_files(entries, loaded.file_digest, loaded.present_files)
    problems += _check_head(loaded.header, entries, loaded.recorded_head)
    sig_problems, checks = _check_signatures(loaded, expect_fingerprint)
    problems += sig_problems
    well_formed = [e for e in entries if isinstance(e, dict)]
    count, head = head_of(loaded.header, well_formed)
    if loaded.read_member is not None:
        meta = timeline_meta(loaded.header, (count, head), loaded.signatures, loaded.exported_at, loaded.time_zone)
        problems += check_readable(well_formed, meta, loaded.generated, loaded.read_member)
        problems += check_thumbnails(well_formed, loaded.generated, loaded.read_member)
        seal_problems, seal_checks = _check_seals(loaded, checks, expect_fingerprint)
        problems += seal_problems
        checks += seal_checks
    if len(problems) > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS]
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
        head_seq = sig.get("head_seq", 0) if isinstance(sig, dict) else 0
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


def _check_seals(
    loaded: LoadedEvidence, head_checks: list[SignatureCheck], expect_fingerprint: str | None
) -> tuple[list[Problem], list[SignatureCheck]]:
    """A signed bundle must also be sealed: the seal covers the PDF and thumbnails a reader looks at."""
    problems: list[Problem] = []
    checks: list[SignatureCheck] = []
    locker_id = str(loaded.header.get("locker_id", ""))
    entries = [e for e in loaded.entries if isinstance(e, dict)]
    count, head = head_of(loaded.header, entries)
    for seal in loaded.seals:
        valid, fp = check_seal(seal, locker_id, loaded.exported_at, loaded.generated)
        checks.append(SignatureCheck(fp, seal.get("head_seq", 0), valid, covers="bundle"))
        if not valid:
            problems.append(Problem("seal_invalid", None, {"fingerprint": fp}))
        elif (seal.get("head_seq"), seal.get("head_hash")) != (count, head):
            problems.append(Problem("signature_head_unknown", seal.get("head_seq"), {"fingerprint": fp}))
    sealed_by = {normalise_fingerprint(c.fingerprint) for c in checks if c.valid}
    signed = any(c.valid for c in head_checks) or loaded.seals
    wanted = normalise_fingerprint(expect_fingerprint) if expect_fingerprint else None
    if (signed and not sealed_by) or (wanted and wanted not in sealed_by):
        problems.append(Problem("derived_unsealed", None, {"name": "timeline.pdf"}))
    return problems, checks
