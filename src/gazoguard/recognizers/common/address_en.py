"""Addresses in Latin script: street lines (10 Maple Ave, C/ Mayor, 6), labelled addresses, "lives in <Place>"."""

from __future__ import annotations

import re

from gazoguard.recognizers.base import Recognizer, TextMatch
from gazoguard.recognizers.normalize import NormalizedText

_SUFFIX = (
    r"(?:St|Street|Ave|Avenue|Rd|Road|Ln|Lane|Dr|Drive|Blvd|Boulevard|Ct|Court|Pl|Place|Way|Terrace|Ter|Hwy|Highway|"
    r"Pkwy|Parkway|Cir|Circle|Sq|Square|Crescent|Cres|Close|Row)"
)
_STREET = re.compile(rf"\b\d{{1,5}}[A-Za-z]?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][a-z]+[ \t]+){{1,3}}{_SUFFIX}\b\.?(?:,?\s*(?:Apt|Suite|Unit|#)\s*[\w-]+)?")
_SPANISH = re.compile(r"\b(?:C/|Calle|Avda\.?|Avenida|Paseo|Plaza|Pza\.?|Rue|Via|Viale)\s*[A-ZÀ-Ýa-zà-ÿ .'-]{2,40}?,?\s*(?:n[º°o]\.?\s*)?\d{1,4}\b")
_LABELLED = re.compile(
    r"\b(?i:address|addr|domicilio|dirección|direccion|adresse|anschrift)(?:[ \t]*[:：][ \t]*\n?|[ \t]*\n)[ \t]*(?P<value>[^\n]{3,80})",
)
_LIVES_IN = re.compile(r"\b(?i:lives|lived|living|resides|resident)\s+(?i:in|at)\s+(?:[a-z]\s+)?(?P<place>[A-Z][a-zA-Z'-]{3,}(?:[ \t]+[A-Z][a-zA-Z'-]+){0,2})")


class EnglishAddressRecognizer(Recognizer):
    name = "address_en"
    kinds = frozenset({"address"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        for m in _STREET.finditer(text.norm):
            out.append(self.match(text, m.start(), m.end(), "address", 0.85, source="street"))
        for m in _SPANISH.finditer(text.norm):
            out.append(self.match(text, m.start(), m.end(), "address", 0.8, source="street"))
        for m in _LABELLED.finditer(text.norm):
            value = m.group("value").rstrip(" ,.;")
            if re.search(r"[A-Za-z]{2}", value) and not re.match(r"(?i)(?:bar|book|of|line|field)\b", value):
                out.append(self.match(text, m.start("value"), m.start("value") + len(value), "address", 0.8, source="label"))
        for m in _LIVES_IN.finditer(text.norm):
            out.append(self.match(text, m.start("place"), m.end("place"), "address", 0.7, source="lives_in"))
        return out
