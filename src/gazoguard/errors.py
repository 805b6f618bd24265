"""Errors with a stable code and a Japanese and an English message.

Inside the package errors are exceptions; at the edges (CLI, report JSON,
HTTP problem+json) they become values through :meth:`GazoError.to_dict`.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    "empty_file": ("ファイルが空です（0 バイト）。", "The file is empty (0 bytes)."),
    "not_found": ("ファイルが見つかりません。", "The file was not found."),
    "not_a_regular_file": (
        "通常のファイルではありません（デバイスや名前付きパイプは読み込みません）。",
        "Not a regular file (devices and named pipes are not read).",
    ),
    "unreadable": ("ファイルを読み込めません（権限を確認してください）。", "The file cannot be read (check permissions)."),
    "not_an_image": ("画像として読み込めません。対応形式: JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC。", "This is not an image we can read. Supported: JPEG, PNG, WebP, GIF, BMP, TIFF, HEIC."),
    "truncated": ("画像データが途中で切れています（壊れたファイル）。", "The image data is truncated (a damaged file)."),
    "too_many_pixels": ("画素数が多すぎます（解凍爆弾の可能性）。上限: {limit:,} 画素、この画像: {pixels:,} 画素。", "Too many pixels (possibly a decompression bomb). Limit: {limit:,} pixels, this image: {pixels:,}."),
    "file_too_large": ("ファイルが大きすぎます。上限: {limit_mb} MB。", "The file is too large. Limit: {limit_mb} MB."),
    "too_small": ("画像が小さすぎて判定できません（{width}×{height}）。", "The image is too small to judge ({width}×{height})."),
    "decode_failed": ("画像の復号に失敗しました: {detail}", "Decoding the image failed: {detail}"),
    "unknown_profile": ("プロファイル「{name}」は見つかりません。gazoguard profiles で一覧を確認できます。", "Profile {name!r} was not found. `gazoguard profiles` lists them."),
    "bad_profile": ("プロファイル {path} の {line} 行目が不正です: {detail}", "Profile {path}, line {line}, is invalid: {detail}"),
    "unsupported_input": ("この入力は扱えません: {detail}", "This input is not supported: {detail}"),
}


class GazoError(Exception):
    """An expected failure with a code and JA/EN messages."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        ja, en = MESSAGES.get(code, ("エラーが発生しました: {detail}", "An error occurred: {detail}"))
        self.message_ja = _fill(ja, params)
        self.message_en = _fill(en, params)
        super().__init__(f"{code}: {self.message_en}")

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_ja": self.message_ja, "message_en": self.message_en}


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
