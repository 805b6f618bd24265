"""JA/EN messages for evidence-locker errors, added to the shared table in :mod:`gazoguard.errors`.

Kept here so the locker stays a self-contained module; ``setdefault`` never
overrides a message the core already defines.
"""

from __future__ import annotations

from gazoguard.errors import MESSAGES

EVIDENCE_MESSAGES: dict[str, tuple[str, str]] = {
    "locker_not_found": (
        "証拠フォルダ {path} が見つかりません。先に gazoguard evidence init {path} で作成してください。",
        "No evidence locker at {path}. Create one first with `gazoguard evidence init {path}`.",
    ),
    "locker_exists": (
        "{path} はすでに証拠フォルダです（既存の記録は変更しません）。",
        "{path} is already an evidence locker (existing records are left untouched).",
    ),
    "locker_dir_not_empty": (
        "{path} は空のフォルダではありません。新しい空のフォルダを指定してください。",
        "{path} is not an empty folder. Choose a new, empty folder.",
    ),
    "locker_corrupt": (
        "証拠フォルダ {path} の記録を読めません: {detail}。gazoguard evidence verify で確認してください。",
        "The records of evidence locker {path} cannot be read: {detail}. Check with `gazoguard evidence verify`.",
    ),
    "evidence_file_unreadable": (
        "ファイル {path} を読み込めません: {detail}",
        "The file {path} cannot be read: {detail}",
    ),
    "evidence_nothing_to_add": (
        "記録する内容がありません。ファイル、--url、--sender、--note、--report-no のいずれかを指定してください。",
        "Nothing to record. Give files or at least one of --url, --sender, --note, --report-no.",
    ),
    "bad_bundle": (
        "証拠パッケージ {path} を開けません（ZIP が壊れているか、証拠パッケージではありません）: {detail}",
        "The evidence bundle {path} cannot be opened (a damaged ZIP or not an evidence bundle): {detail}",
    ),
    "bad_signing_key": (
        "署名鍵 {path} を読み込めません: {detail}",
        "The signing key {path} cannot be read: {detail}",
    ),
    "locker_full": (
        "証拠フォルダ {path} は記録の上限（{limit} 件）に達しました。新しい証拠フォルダを作成してください。",
        "The evidence locker {path} holds the most entries it can ({limit}). Create a new locker.",
    ),
    "output_exists": (
        "{path} はすでに存在します。上書きしないので別の名前を指定してください。",
        "{path} already exists. It is not overwritten; choose another name.",
    ),
}

for _code, _pair in EVIDENCE_MESSAGES.items():
    MESSAGES.setdefault(_code, _pair)
