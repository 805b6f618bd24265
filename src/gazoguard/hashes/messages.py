"""JA/EN messages for hash and registry errors, added to the shared table in :mod:`gazoguard.errors`."""

from __future__ import annotations

from gazoguard.errors import MESSAGES

HASH_MESSAGES: dict[str, tuple[str, str]] = {
    "bad_hashfile": (
        "ハッシュファイル {path} が不正です: {detail}",
        "The hash file {path} is invalid: {detail}",
    ),
    "registry_not_found": (
        "登録簿 {path} が見つかりません（gazoguard registry add で作成されます）。",
        "No hash registry at {path} (`gazoguard registry add` creates one).",
    ),
    "registry_corrupt": (
        "登録簿 {path} を読めません: {detail}",
        "The hash registry {path} cannot be read: {detail}",
    ),
    "bad_threshold": (
        "しきい値は 0 から {max} の整数にしてください（指定: {value}）。",
        "The threshold must be an integer from 0 to {max} (given: {value}).",
    ),
    "weak_secret": (
        "取り下げ用の暗証番号は {min} 文字以上にしてください。",
        "The withdrawal PIN must be at least {min} characters long.",
    ),
    "wrong_secret": (
        "暗証番号が違うか、登録が見つかりません。",
        "Wrong PIN, or no such registration.",
    ),
    "bad_registration": (
        "登録内容が正しくありません（{detail}）。",
        "The registration is invalid ({detail}).",
    ),
    "bad_api_key": (
        "登録簿の API キーが正しくありません。",
        "The registry API key is not valid.",
    ),
    "key_required": (
        "この操作には登録簿の API キー（platform または operator）が必要です。",
        "This call needs a registry API key (platform or operator).",
    ),
    "no_hashes": (
        "登録できるハッシュがありません。",
        "There are no hashes to register.",
    ),
}

for _code, _pair in HASH_MESSAGES.items():
    MESSAGES.setdefault(_code, _pair)
