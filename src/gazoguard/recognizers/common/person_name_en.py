"""Person names in Latin script: after a label (Name:, Surname, Given names, First/Last Name),
in self-introductions (my name is, I'm), after "by", before "lives/works/was born", in greetings,
and an upper-case name line just above a DOB line (records, wristbands).
"""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch
from gazoguard.recognizers.normalize import NormalizedText

_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+|[A-ZÀ-Ý][A-ZÀ-Ý'’-]+"
_FULL = rf"(?:{_WORD})(?:[ \t]+(?:[A-Z]\.[ \t]*)?(?:{_WORD})){{0,3}}"
_LABEL = (
    r"\b(?:full\s+name|name|surname|last\s+name|first\s+name|given\s+names?|family\s+name|forenames?|"
    r"patient|customer|holder|cardholder|account\s+holder|nom|prénoms?|apellidos?|nombre|primary\s+identifier|secondary\s+identifier|"
    r"vornamen?|nachname|familienname|geburtsname|nom\s+de\s+famille)"
)
# a bilingual label (Name/Surname, Nom / Surname, Vornamen / Given names) is still a label, never the value;
# other words after a slash belong to the label only up to its colon (Surname / Apellidos:)
_LABELLED = re.compile(
    rf"{_LABEL}\b(?:[ \t]*/[ \t]*(?:{_LABEL.removeprefix(chr(92) + 'b')}\b|[^\n:/]{{1,30}}?(?=[ \t]*[:：])))*[ \t]*[:：]?[ \t]*\n?[ \t]*(?P<name>{_FULL})",
    re.IGNORECASE,
)
_INTRO = re.compile(
    rf"\b(?i:my\s+name\s+is|name\s+is|i'?m|i\s+am|this\s+is|call\s+me|(?:created|written|authored|signed|prepared|reported|submitted|approved|sent|made)\s+by|"
    rf"(?:mr|mrs|ms|miss|dr|prof)\.?)[ \t]+(?P<name>{_FULL})"
)
_SUBJECT = re.compile(rf"(?P<name>(?:{_WORD})\s+(?:{_WORD}))\s+(?:lives|lived|works|worked|was\s+born|resides)\b")
_GREETING = re.compile(rf"\b(?i:hi|hello|dear|thanks|thank\s+you),?[ \t]+(?P<name>{_WORD})\b(?=\s*[!,.])")
_NAME_BEFORE_DOB = re.compile(rf"^(?P<name>[A-Z][A-Z'-]+(?:[ \t]+[A-Z][A-Z'-]+){{1,2}})(?=[ \t]*(?:$|[\[(]|\d))", re.MULTILINE)
_DOB = re.compile(r"\b(?:dob|date\s+of\s+birth|birth\s*date)\b", re.IGNORECASE)
# Capitalised words that start sentences or name things, not people.
_NOT_NAMES = {
    "the", "a", "an", "this", "that", "it", "he", "she", "we", "they", "you", "i", "is", "are", "not", "your", "my",
    "date", "sex", "nationality", "type", "code", "number", "no", "signature", "place", "address", "email", "phone",
    "name", "surname", "given", "names", "birth", "issue", "expiry", "authority", "passport", "card", "document",
    "here", "there", "sorry", "going", "happy", "glad", "fine", "good", "great", "sure", "from", "in", "at", "on",
    "personal", "identifier", "primary", "secondary", "holder", "prénoms", "nom", "de", "du", "of", "and",
    "gender", "birthplace", "registration", "visa", "permit", "residence", "vornamen", "vorname", "nachname", "geburtsdatum",
    "staatsangehörigkeit", "nationalité", "sexe", "lieu", "naissance", "expiration", "delivrance", "délivrance", "signature",
    "height", "eyes", "issued", "valid", "until", "country", "state", "license", "licence", "driver", "class", "id",
}


def plausible_name(value: str) -> bool:
    words = [w for w in re.split(r"[\s.]+", value) if w]
    return (
        bool(words)
        and not any(w.lower().strip("'’-") in _NOT_NAMES for w in words)
        and all(2 <= len(w) <= 14 or w.isupper() and len(w) == 1 for w in words)
        and not (len(words) == 1 and words[0].isupper() and len(words[0]) <= 3)  # an acronym (ABC, USA)
        and not any(re.search(r"[a-z][A-Z]", w) and not re.match(r"(?:Mc|Mac|O')", w) for w in words)
    )


def _ends_line(norm: str, end: int) -> bool:
    return end >= len(norm) or norm[end:].lstrip(" \t").startswith("\n") or not norm[end:].strip(" \t")


def _trim(value: str) -> str:
    """Drop trailing words that are not part of a name ("Alice and" → "Alice")."""
    words = value.split()
    while words and words[-1].lower().strip("'’-") in _NOT_NAMES:
        words.pop()
    return value[: value.index(words[-1]) + len(words[-1])] if words else ""


class EnglishNameRecognizer(Recognizer):
    name = "person_name_en"
    kinds = frozenset({"person_name"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for pattern, score, source in ((_LABELLED, 0.85, "label"), (_INTRO, 0.8, "phrase"), (_SUBJECT, 0.7, "subject"), (_GREETING, 0.6, "greeting")):
            for m in pattern.finditer(text.norm):
                s, value = m.start("name"), m.group("name")
                if source == "label" and "\n" in text.norm[m.start() : s] and not _ends_line(text.norm, s + len(value.split("\n")[0])):
                    continue  # a value below its label stands alone on its line
                if source != "subject":
                    value = _trim(value.split("\n")[0])
                if value and plausible_name(value):
                    out.append(self.match(text, s, s + len(value), "person_name", score, source=source))
        if _DOB.search(text.norm):
            for m in _NAME_BEFORE_DOB.finditer(text.norm):
                dob = _DOB.search(text.norm, m.end())
                if dob and text.norm.count("\n", m.end(), dob.start()) <= 2 and plausible_name(m.group("name")):
                    out.append(self.match(text, m.start("name"), m.end("name"), "person_name", 0.65, source="record"))
        return out
