"""Redaction failures: a stable code and a Japanese and an English message.

They are :class:`~gazoguard.errors.GazoError` subclasses, so the CLI, the API
and the web page print them the same way as every other error.
"""

from __future__ import annotations

from typing import Any

from gazoguard.errors import GazoError

MESSAGES: dict[str, tuple[str, str]] = {
    "same_path": (
        "出力先が元の画像と同じです。元の画像は変更しません。別の出力先を指定してください。",
        "The output is the same file as the input. The original is never modified: choose another output path.",
    ),
    "output_dir_missing": (
        "出力先のフォルダがありません: {path}",
        "The output folder does not exist: {path}",
    ),
    "output_unwritable": (
        "出力先に書き込めません（権限を確認してください）: {path}",
        "The output cannot be written (check permissions): {path}",
    ),
    "disk_full": (
        "ディスクの空きが足りないため保存できませんでした。途中のファイルは残していません: {path}",
        "The disk is full; nothing was saved and no partial file was left: {path}",
    ),
    "write_failed": (
        "保存に失敗しました。途中のファイルは残していません: {path}（{detail}）",
        "Saving failed; no partial file was left: {path} ({detail})",
    ),
    "unsupported_output_format": (
        "この出力形式には対応していません: {suffix}。対応形式: .jpg, .png, .webp",
        "This output format is not supported: {suffix}. Supported: .jpg, .png, .webp",
    ),
    "unknown_kind": (
        "不明な種類です: {names}。gazoguard の種類名（face, phone など）か分類名（personal_text など）を指定してください。",
        "Unknown kind(s): {names}. Use gazoguard kind names (face, phone, …) or category names (personal_text, …).",
    ),
    "check_failed": (
        "元の画像を確認できませんでした: {detail}",
        "The original picture could not be checked: {detail}",
    ),
    "must_not_store": (
        "この画像は保存・送信してはいけない内容と判定されたため、加工したコピーも作りません。",
        "This picture was judged as one that must never be stored or sent, so no redacted copy is made either.",
    ),
    "verify_failed": (
        "加工後の画像にまだ {kinds_ja} が検出されたため、保存しませんでした。手作業で隠すか、送らないでください。",
        "The redacted picture still shows {kinds_en}, so nothing was saved. Cover it by hand, or do not send it.",
    ),
    "verify_incomplete": (
        "加工後の確認が完了しませんでした（{detectors}）。安全と確認できないため保存しませんでした。",
        "Checking the redacted picture did not finish ({detectors}); it could not be confirmed safe, so nothing was saved.",
    ),
    "metadata_survived": (
        "加工後のファイルに隠れたデータが残っていたため、保存しませんでした: {detail}",
        "Hidden data survived in the redacted file, so nothing was saved: {detail}",
    ),
}


class RedactionError(GazoError):
    """A redaction that could not be completed safely; no output file exists when it is raised."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)
        ja, en = MESSAGES.get(code, (self.message_ja, self.message_en))
        self.message_ja = _fill(ja, params)
        self.message_en = _fill(en, params)
        self.args = (f"{code}: {self.message_en}",)


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
