"""English and numeric date shapes shared by the birth-date recognizers (not a recognizer itself)."""

from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}
_MONTH_WORD = r"[A-Za-z]{3,9}\.?(?:\s*/\s*[A-Za-zÀ-ÿ]{3,9}\.?)?"

DATE_PATTERN = (
    rf"(?:\d{{1,2}}\s*[ -]?\s*{_MONTH_WORD}\s*[ ,-]?\s*(?:\d{{4}}|\d{{2}})"  # 12 AUG/AOUT 74, 01 JAN 1980
    rf"|{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}}"  # January 31, 1980
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # 1980-01-31
    r"|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))"  # 07.22.1943, 31/01/80
)
# a date may be glued to its label's word by OCR (Date of birth18 FEB 2001), not to a lone letter (C1 JAN: a misread 01)
DATE = re.compile(rf"(?:(?<![\w/.-])|(?<=[A-Za-z]{{3}})){DATE_PATTERN}(?![\w/-]|\.\d)")

# OCR reads the digits of a printed date as look-alike letters ("C1 JAN/JAN 85" for 01): a date
# whose day and year may hold such letters, for comparing with a date known from elsewhere
_LOOKALIKE_DIGIT = "[0-9OoCDQUIl|SBZ]"
_DIGIT_OF_LOOKALIKE = str.maketrans("OoCDQUIl|SBZ", "000000111582")
LOOSE_DATE = re.compile(
    rf"(?<![\w/.-])({_LOOKALIKE_DIGIT}{{1,2}})(\s*[ -]?\s*{_MONTH_WORD}\s*[ ,-]?\s*)({_LOOKALIKE_DIGIT}{{4}}|{_LOOKALIKE_DIGIT}{{2}})(?![\w/-]|\.\d)"
)


def undo_lookalikes(loose: re.Match[str]) -> str:
    """A :data:`LOOSE_DATE` match with look-alike letters in its day and year read as the digits they stand for."""
    day, middle, year = loose.groups()
    return day.translate(_DIGIT_OF_LOOKALIKE) + middle + year.translate(_DIGIT_OF_LOOKALIKE)


def month_of(word: str) -> int | None:
    return MONTHS.get(word.strip(".")[:3].upper())


def yymmdd(date_text: str) -> str | None:
    """``YYMMDD`` of an English / numeric date (for comparing with an MRZ), or None."""
    m = re.match(r"(\d{1,2})\s*[ -]?\s*([A-Za-z]{3,9})", date_text)
    if m:
        month = month_of(m.group(2))
        year = re.findall(r"\d{2,4}", date_text[m.end() :])
        if month and year:
            return f"{year[-1][-2:]}{month:02d}{int(m.group(1)):02d}"
        return None
    parts = re.findall(r"\d+", date_text)
    if len(parts) == 3 and len(parts[0]) == 4:
        return f"{parts[0][-2:]}{int(parts[1]):02d}{int(parts[2]):02d}"
    return None
