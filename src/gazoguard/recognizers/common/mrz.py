"""Machine-readable zones of passports and ID cards (ICAO 9303 TD1 / TD2 / TD3).

Check digits decide: a data line counts when at least two of its check digits
(document number, birth date, expiry) hold, after undoing the usual OCR
swaps (O↔0, I↔1, …) field by field.  The repaired line (letters where ICAO
puts letters, digits where it puts digits) is the finding's reading.  The name line becomes ``person_name``,
a TD2/TD3 data line ``passport``, a TD1 birth-date line ``birthdate`` and a
TD1 document line ``passport`` with ``document="id_card"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazoguard.recognizers.base import Recognizer, TextMatch
from gazoguard.recognizers.checksums import mrz_field_valid
from gazoguard.recognizers.normalize import NormalizedText

_MRZ_CHARS = re.compile(r"^[A-Z0-9<\u00C0-\u00DE]{25,46}$")
_TO_DIGIT = str.maketrans("OQDIlZSBG", "000112586")
_TO_ALPHA = str.maketrans("0125863", "OIZSBGE")


@dataclass(frozen=True)
class _Line:
    start: int  # in normalised text
    end: int
    value: str  # spaces removed


def _digits(field: str) -> str:
    return field.translate(_TO_DIGIT)


def _checks(pairs: list[tuple[str, str]]) -> int:
    return sum(mrz_field_valid(_digits(f) if i else f, _digits(c)) for i, (f, c) in enumerate(pairs))


def _doc_checks(doc: str, doc_check: str, dates: list[tuple[str, str]]) -> int:
    doc_ok = mrz_field_valid(doc, _digits(doc_check)) or mrz_field_valid(_digits(doc), _digits(doc_check))
    return int(doc_ok) + sum(mrz_field_valid(_digits(d), _digits(c)) for d, c in dates)


def _mrz_lines(text: NormalizedText) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.norm.split("\n"):
        compact = raw.replace(" ", "")
        if _MRZ_CHARS.match(compact) and ("<" in compact or sum(c.isdigit() for c in compact) >= 10):
            lead = len(raw) - len(raw.lstrip())
            lines.append(_Line(pos + lead, pos + len(raw.rstrip()), compact))
        pos += len(raw) + 1
    return lines


def _sub_span(text: NormalizedText, line: _Line, a: int, b: int) -> tuple[int, int]:
    """Normalised-text span of characters ``a:b`` of the line's value (which has its spaces removed)."""
    positions = [line.start + i for i, ch in enumerate(text.norm[line.start : line.end]) if ch != " "]
    return positions[a], positions[b - 1] + 1


def _td1_document_line(v: str) -> bool:
    """An ID card's first line (I<UTOD231458907<<<): its document number's check digit holds."""
    return len(v) <= 32 and any(c.isdigit() for c in v[5:15]) and (mrz_field_valid(v[5:14], _digits(v[14:15])) or mrz_field_valid(_digits(v[5:14]), _digits(v[14:15])))


def _mostly_letters(names: str) -> bool:
    """A name field OCR read with a few look-alike digits (ERIK5SON, P10TR), not a data line."""
    chars = names.replace("<", "")
    digits = [c for c in chars if c.isdigit()]
    # 0 1 2 5 6 8 are how OCR reads O I Z S G B; a 3, 4, 7 or 9 is a real digit
    return bool(chars) and not set(digits) & set("3479") and len(digits) <= 0.35 * len(chars)


def _yymmdd(value: str) -> str | None:
    value = _digits(value)
    return value if value.isdigit() and 1 <= int(value[2:4]) <= 12 and 1 <= int(value[4:6]) <= 31 else None


class MrzRecognizer(Recognizer):
    name = "mrz"
    kinds = frozenset({"person_name", "passport", "birthdate"})

    def analyze(self, text: NormalizedText) -> list[TextMatch]:
        out: list[TextMatch] = []
        lines = _mrz_lines(text)
        for i, line in enumerate(lines):
            v = line.value
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if re.match(r"^[PIACV][A-Z0-9<][A-Z0<]{3}[A-Z\u00C0-\u00DE<0-9]+$", v) and "<<" in v[5:] and _mostly_letters(v[5:]) and not _td1_document_line(v):
                names = [p.replace("<", " ").strip() for p in v[5:].split("<<") if p.strip("<")]
                out.append(self.match(text, line.start, line.end, "person_name", 0.95, source="mrz", names=names[:2],
                                      reading=v[:2] + v[2:].translate(_TO_ALPHA)))
                continue
            if len(v) >= 40 or (32 <= len(v) <= 39 and not v[0].isdigit() or 32 <= len(v) <= 39 and v[:9].isalnum()):
                match = self._td23_data(text, line)
                if match:
                    out.append(match)
                    if match.attrs.get("birthdate_checked"):
                        # the birth date inside the data line is a finding of its own, with its own box
                        s, e = _sub_span(text, line, 13, 19)
                        out.append(self.match(text, s, e, "birthdate", 0.9, reading=_digits(v[13:19]), source="mrz", within_mrz=True,
                                              validated=True, check="mrz", birthdate=_yymmdd(v[13:19])))
                    continue
            if len(v) <= 32 and v[0] in "IAC" and v[1:2].isalpha() | (v[1:2] == "<"):
                doc, check = v[5:14], v[14:15]
                if mrz_field_valid(doc, _digits(check)) or mrz_field_valid(_digits(doc), _digits(check)):
                    out.append(self.match(text, line.start, line.end, "passport", 0.85, source="mrz", document="id_card", validated=True, check="mrz", number=doc.strip("<")))
                continue
            if len(v) <= 32 and _yymmdd(v[0:6]):
                hits = _checks([(v[0:6], v[6]), (v[8:14], v[14])]) if len(v) >= 15 else 0
                if hits >= 1 and v[7] in "MF<":
                    out.append(
                        self.match(text, line.start, line.end, "birthdate", 0.9, source="mrz", validated=hits == 2, check="mrz", birthdate=_yymmdd(v[0:6]),
                                   birthdate_checked=_checks([(v[0:6], v[6])]) == 1)
                    )
                    if nxt and not any(c.isdigit() for c in nxt.value) and re.search(r"[A-Z\u00C0-\u00DE]{2}", nxt.value):
                        names = [p.replace("<", " ").strip() for p in re.split(r"<<+", nxt.value) if p.strip("<")]
                        out.append(self.match(text, nxt.start, nxt.end, "person_name", 0.9, source="mrz", names=names[:2]))
        return out

    def _td23_data(self, text: NormalizedText, line: _Line) -> TextMatch | None:
        v = line.value
        if len(v) < 28:
            return None
        doc, doc_check, nationality = v[0:9], v[9], v[10:13].translate(_TO_ALPHA)
        birth, birth_check, sex, expiry, expiry_check = v[13:19], v[19], v[20], v[21:27], v[27]
        hits = _doc_checks(doc, doc_check, [(birth, birth_check), (expiry, expiry_check)])
        if hits < 2 or sex not in "MF<":
            return None
        dates = _digits(birth + birth_check) + sex + _digits(expiry + expiry_check)
        return self.match(
            text, line.start, line.end, "passport", 0.97, source="mrz", validated=True, check="mrz",
            number=doc.strip("<"), nationality=nationality.strip("<"), birthdate=_yymmdd(birth), sex=sex, expiry=_yymmdd(expiry),
            birthdate_checked=mrz_field_valid(_digits(birth), _digits(birth_check)),
            reading=doc + _digits(doc_check) + nationality + dates + v[28:],
        )
