"""URLs: with a scheme, ``www.``, or a bare host with a path (pure regex; no public-suffix list).

Sites of governments, local authorities and universities (.go.jp, .lg.jp,
.gov, .ac.jp, .edu) are public institutions printed on notices and reports;
they are reported with a low score so the detector leaves them out.
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch, finditer
from gazoguard.recognizers.normalize import NormalizedText

_HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
_PATH = r"(?:[/?#][^\s<>\"'「」（）()、。]*)?"
_URL = re.compile(
    rf"(?<![A-Za-z0-9_@.])(?:https?://[^\s<>\"'「」、。]+|www\.{_HOST}(?::\d+)?{_PATH}|{_HOST}/[^\s<>\"'「」、。]*)"
)
_FILE_SUFFIX = re.compile(r"\.(?:png|jpe?g|gif|pdf|txt|py|js|csv|json|html?|docx?|xlsx?|zip)$", re.I)
_INSTITUTION = re.compile(r"\.(?:go|lg|ac|ed)\.jp$|\.gov(?:\.[a-z]{2})?$|\.edu(?:\.[a-z]{2})?$|\.mil$|\.int$", re.I)


class UrlRecognizer(Recognizer):
    name = "url"
    kinds = frozenset({"url"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for s, e, m in finditer(_URL, text):
            value = m.group(0).rstrip(".,;:!?)]}")
            e = s + len(value)
            host = re.sub(r"^https?://", "", value, flags=re.I).split("/", 1)[0].split(":", 1)[0]
            if _FILE_SUFFIX.search(host) or "." not in host:
                continue
            explicit = value.lower().startswith(("http://", "https://", "www."))
            score = 0.9 if explicit else 0.7
            if _INSTITUTION.search(host):
                score = 0.3
            out.append(self.match(text, s, e, "url", score, host=host.lower(), institution=score < 0.5))
        return out
