"""Check a locker folder or an exported bundle and say exactly which entry broke.

Both are first read into :class:`LoadedEvidence` (see ``locker.py`` and
``bundle.py``); the checks below are the same for both, so a bundle verifies
on another machine with only this package installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from gazoguard.evidence.chain import compute_entry_hash, head_of, header_hash
from gazoguard.evidence.signing import check_signature, normalise_fingerprint

PROBLEM_TEXT: dict[str, tuple[str, str]] = {
    "entry_malformed": ("記録 {seq}: 形式が壊れています。", "Entry {seq}: malformed."),
    "entry_changed": (
        "記録 {seq}: 内容が変更されています（ハッシュ不一致）。",
        "Entry {seq}: its content was changed (hash mismatch).",
    ),
    "entry_not_canonical": (
        "記録 {seq}: 保存された文字列が書き換えられています。",
        "Entry {seq}: its stored text was edited.",
    ),
    "header_changed": (
        "記録 1: 証拠フォルダの基本情報（locker）が変更されています。",
        "Entry 1: the locker header was changed.",
    ),
    "link_broken": (
        "記録 {seq}: 直前の記録とのつながりが切れています（直前の記録の変更・削除、または並べ替え）。",
        "Entry {seq}: the link to the previous entry is broken (it was changed or removed, or entries were reordered).",
    ),
    "out_of_order": (
        "{pos} 番目の位置に記録 {seq} があります（記録の削除または並べ替え）。",
        "Position {pos} holds entry {seq} (an entry was removed or entries were reordered).",
    ),
    "entry_missing": (
        "記録 {seq} が削除されています。",
        "Entry {seq} was removed.",
    ),
    "file_missing": (
        "記録 {seq}: ファイル {name} がありません（削除されています）。",
        "Entry {seq}: file {name} is missing (deleted).",
    ),
    "file_changed": (
        "記録 {seq}: ファイル {name} の内容が変更されています（SHA-256 不一致）。",
        "Entry {seq}: file {name} was changed (SHA-256 mismatch).",
    ),
    "entries_removed": (
        "最後の記録 {found} の後の {missing} 件が削除されています（記録されていた件数: {expected}）。",
        "{missing} entries after entry {found} were removed (recorded count: {expected}).",
    ),
    "head_mismatch": (
        "最新の記録 {seq} のハッシュが記録済みの先頭ハッシュと一致しません。",
        "The hash of the latest entry {seq} does not match the recorded head hash.",
    ),
    "unexpected_file": (
        "記録にないファイル {name} があります（後から追加されたものです）。",
        "File {name} is not part of any entry (added afterwards).",
    ),
    "manifest_unreadable": ("{name} を読めません: {detail}", "{name} cannot be read: {detail}"),
    "manifest_not_canonical": (
        "{name} が書き換えられています（保存時の形式と一致しません）。",
        "{name} was edited (it is not in the form it was written in).",
    ),
    "derived_changed": (
        "{name} が変更されています（SHA-256 不一致）。",
        "{name} was changed (SHA-256 mismatch).",
    ),
    "derived_missing": ("{name} がありません。", "{name} is missing."),
    "signature_invalid": (
        "署名が正しくありません（鍵 {fingerprint}）。",
        "The signature is not valid (key {fingerprint}).",
    ),
    "signature_head_unknown": (
        "署名された記録 {seq} が見つからないか、内容が違います（鍵 {fingerprint}）。",
        "The signed entry {seq} is missing or different (key {fingerprint}).",
    ),
    "fingerprint_mismatch": (
        "指定された鍵 {expected} による署名がありません。",
        "There is no signature by the expected key {expected}.",
    ),
}


@dataclass(frozen=True)
class Problem:
    code: str
    seq: int | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message_ja(self) -> str:
        return PROBLEM_TEXT[self.code][0].format(seq=self.seq, **self.params)

    @property
    def message_en(self) -> str:
        return PROBLEM_TEXT[self.code][1].format(seq=self.seq, **self.params)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "seq": self.seq, "message_ja": self.message_ja, "message_en": self.message_en}


@dataclass
class LoadedEvidence:
    """What a locker folder or a bundle holds, read without trusting any of it."""

    kind: str  # "locker" or "bundle"
    path: str
    header: dict[str, Any]
    entries: list[Any]
    file_digest: Callable[[str], tuple[int, str] | None]  # stored name -> (size, sha256), None if absent
    present_files: set[str]
    recorded_head: tuple[int, str] | None = None
    signatures: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # found while loading


@dataclass
class SignatureCheck:
    fingerprint: str
    head_seq: int
    valid: bool


@dataclass
class VerifyResult:
    kind: str
    path: str
    entries: int
    head_hash: str
    problems: list[Problem]
    signatures: list[SignatureCheck]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_broken_seq(self) -> int | None:
        seqs = [p.seq for p in self.problems if p.seq is not None]
        return min(seqs) if seqs else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "kind": self.kind,
            "path": self.path,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "first_broken_entry": self.first_broken_seq,
            "problems": [p.to_dict() for p in self.problems],
            "signatures": [s.__dict__ for s in self.signatures],
        }


def verify_path(path: str | Path, *, expect_fingerprint: str | None = None) -> VerifyResult:
    """Verify a locker folder or a ``.zip`` bundle (raises GazoError when it cannot be opened at all)."""
    from gazoguard.evidence.bundle import load_bundle
    from gazoguard.evidence.locker import load_locker

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
