"""SNS and LINE IDs: ``LINE ID: xxx``, ``@handle``, instagram / twitter / x.com / tiktok profile URLs."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_LABELLED = re.compile(
    r"(?:LINE|ライン|Instagram|インスタ(?:グラム)?|Twitter|ツイッター|TikTok|Discord|Telegram|Kakao|WeChat|Snapchat|Threads|X)"
    r"\s*(?:ID|アカウント|account|ユーザー名|user(?:name)?)?\s*[:：=]?\s*(?P<id>@?[A-Za-z0-9][A-Za-z0-9._-]{2,30})",
    re.IGNORECASE,
)
_PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:instagram\.com|twitter\.com|x\.com|tiktok\.com/@?|facebook\.com|threads\.net|line\.me/ti/p)"
    r"/(?P<id>[~@]?[A-Za-z0-9._-]{2,40})",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![A-Za-z0-9_@.])@(?P<id>[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29}))(?![A-Za-z0-9_@]|\.[A-Za-z])")  # Japanese may follow at once
_LABEL_WORD_NOT_ID = {"id", "account", "user", "username", "de", "the", "or", "and"}
# a line that starts with the service's name and then a handle, with no colon: "LINE hanako_y", "インスタtakuya.sato50"
_SERVICE_THEN_HANDLE = re.compile(
    r"^[ \t]*(?:LINE|ライン|Instagram|インスタ(?:グラム)?|Twitter|ツイッター|X\s*\([^)\n]{0,12}\)|TikTok|ティックトック|Discord|Telegram|Kakao|WeChat|Threads|Facebook|Skype)"
    r"[ \t]*(?:ID|アカウント)?[ \t]*(?P<id>@?[A-Za-z0-9][A-Za-z0-9._-]{2,30})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _looks_like_handle(value: str) -> bool:
    """A handle mixes letters with digits, '_' or '.' (a plain word after LINE is more often prose)."""
    core = value.lstrip("@")
    return bool(re.search(r"[A-Za-z]", core)) and bool(re.search(r"[\d_.]", core)) and not core.isdigit()


class SnsIdRecognizer(Recognizer):
    name = "sns_id"
    kinds = frozenset({"sns_id"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_PROFILE_URL, text):
            out.append(self.match(text, s, e, "sns_id", 0.92, handle=m.group("id"), source="profile_url"))
        for s, e, m in finditer(_LABELLED, text):
            handle = m.group("id")
            if handle.lower().lstrip("@") in _LABEL_WORD_NOT_ID:
                continue
            label = m.group(0)[: m.start("id") - m.start(0)]
            # "X" alone is too common a letter: require the ID / colon part of the label
            if label.strip().upper() == "X" or (label.strip().upper().startswith("X") and ":" not in label and "ID" not in label.upper()):
                continue
            if not re.search(r"[:：=]|ID|アカウント|account|user", label, re.IGNORECASE):
                continue
            out.append(self.match(text, s, e, "sns_id", 0.9, handle=handle, source="label"))
        for s, e, m in finditer(_SERVICE_THEN_HANDLE, text):
            if _looks_like_handle(m.group("id")):
                out.append(self.match(text, m.start("id"), e, "sns_id", 0.85, handle=m.group("id"), source="service_line"))
        for s, e, m in finditer(_HANDLE, text):
            out.append(self.match(text, s, e, "sns_id", 0.65, handle=m.group("id"), source="handle"))
        return out
