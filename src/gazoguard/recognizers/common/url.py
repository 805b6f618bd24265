"""URLs: with a scheme, ``www.``, or a bare host with a path (pure regex; no public-suffix list)."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
_PATH = r"(?:[/?#][^\s<>\"'「」（）()、。]*)?"
_URL = re.compile(
    rf"(?<![\w@.])(?:https?://[^\s<>\"'「」、。]+|www\.{_HOST}(?::\d+)?{_PATH}|{_HOST}/[^\s<>\"'「」、。]*)"
)
# Common file names look like hosts (report.pdf/...); a real bare host ends in a known-shaped TLD.
_FILE_SUFFIX = re.compile(r"\.(?:png|jpe?g|gif|pdf|txt|py|js|csv|json|html?|docx?|xlsx?|zip)$", re.I)


class UrlRecognizer(Recognizer):
    name = "url"
    kinds = frozenset({"url"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_URL, text):
            value = m.group(0).rstrip(".,;:!?)]}")
            e = s + len(value)
            host = re.sub(r"^https?://", "", value).split("/", 1)[0]
            if _FILE_SUFFIX.search(host):
                continue
            explicit = value.lower().startswith(("http://", "https://", "www."))
            if not explicit and "." not in host:
                continue
            out.append(self.match(text, s, e, "url", 0.9 if explicit else 0.7))
        return out
