"""Intake errors: a GazoError with the gateway's own JA/EN messages."""

from __future__ import annotations

from typing import Any

from gazoguard.errors import GazoError

MESSAGES: dict[str, tuple[str, str]] = {
    "bad_policy": ("ポリシーが不正です: {detail}", "The policy is invalid: {detail}"),
    "no_policy": ("組織「{org}」のポリシーが登録されていません。", "No policy is registered for organisation {org!r}."),
    "unknown_org": ("組織「{org}」は登録されていません。", "Organisation {org!r} is not registered."),
    "bad_api_key": ("API キーが正しくありません。", "The API key is invalid."),
    "channel_mismatch": ("この API キーはチャネル「{channel}」用ではありません。", "This API key is not for channel {channel!r}."),
    "channel_closed": ("チャネル「{channel}」では画像を受け付けていません。", "Channel {channel!r} does not accept images."),
    "unknown_purpose": ("用途「{purpose}」はポリシーにありません。使える用途: {allowed}", "Purpose {purpose!r} is not in the policy. Allowed: {allowed}"),
    "weak_password": ("パスワードは {min} 文字以上にしてください。", "Passwords need at least {min} characters."),
    "user_exists": ("ユーザー「{name}」は既にあります。", "User {name!r} already exists."),
    "vault_key": ("暗号鍵が不正です: {detail}", "The encryption key is invalid: {detail}"),
    "bad_field": ("入力「{field}」が不正です。", "Field {field!r} is invalid."),
}


class IntakeError(GazoError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)
        ja, en = MESSAGES.get(code, (self.message_ja, self.message_en))
        self.message_ja = ja.format(**params) if params else ja
        self.message_en = en.format(**params) if params else en
        self.args = (f"{code}: {self.message_en}",)
