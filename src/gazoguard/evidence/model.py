"""The types shared by the locker, the bundle and the verifier: what was loaded, what broke, the verdict.

Kept apart so ``locker.py`` and ``bundle.py`` (which load) and ``verify.py``
(which checks) depend on this module and never on each other in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

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
    "malformed": (
        "{name} の形式が正しくありません（gazoguard が書き出したものではありません）: {detail}",
        "{name} is malformed (not as gazoguard writes it): {detail}",
    ),
    "file_symlink": (
        "記録 {seq}: ファイル {name} がシンボリックリンクに置き換えられています（証拠フォルダの外を指します）。",
        "Entry {seq}: file {name} was replaced by a symbolic link (pointing outside the locker).",
    ),
    "derived_rebuilt_differs": (
        "{name} が記録から作り直した内容と一致しません（読みやすい版が書き換えられています）。",
        "{name} does not match what the records rebuild (the readable copy was rewritten).",
    ),
    "derived_unsealed": (
        "{name} は署名で守られていないため確認できません。--sign-key を付けて書き出し直してください。",
        "{name} is not covered by a signature, so it cannot be checked. Export again with --sign-key.",
    ),
    "seal_invalid": (
        "書き出し時の署名（パッケージ全体）が正しくありません（鍵 {fingerprint}）。",
        "The export signature over the whole bundle is not valid (key {fingerprint}).",
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
    seals: list[dict[str, Any]] = field(default_factory=list)  # bundle only: export signatures over everything
    read_member: Callable[[str], bytes | None] | None = None  # bundle only: a member's bytes (size-capped)
    generated: dict[str, str] = field(default_factory=dict)  # bundle only: generated file -> SHA-256
    exported_at: str = ""
    time_zone: str = "Asia/Tokyo"  # bundle only: the zone its timeline shows recording times in


@dataclass
class SignatureCheck:
    fingerprint: str
    head_seq: int
    valid: bool
    covers: str = "head"  # "head": the chain up to head_seq; "bundle": the export seal over every generated file


#: problems that mean "this is not a well-formed locker or bundle": no other check is run on it
MALFORMED_CODES = frozenset({"malformed"})


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
    def malformed(self) -> bool:
        return any(p.code in MALFORMED_CODES for p in self.problems)

    @property
    def status(self) -> str:
        """``intact``, ``changed`` (something was altered) or ``malformed`` (not a locker/bundle as written)."""
        return "intact" if self.ok else "malformed" if self.malformed else "changed"

    @property
    def first_broken_seq(self) -> int | None:
        seqs = [p.seq for p in self.problems if p.seq is not None]
        return min(seqs) if seqs else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "status": self.status,
            "kind": self.kind,
            "path": self.path,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "first_broken_entry": self.first_broken_seq,
            "problems": [p.to_dict() for p in self.problems],
            "signatures": [s.__dict__ for s in self.signatures],
        }
