"""Small regular expressions for layout hints in (NFKC-folded, upper-cased) OCR text.

These only say "a phone-like string is here" for judging a layout (business
card, receipt, status bar); validating and reporting the values themselves is
the job of the personal-text recognizers.
"""

from __future__ import annotations

import re

PHONE = re.compile(r"(?<!\d)(?:\+?\d{1,3}[-\s.]?)?\(?0?\d{1,4}\)?[-\s.]\d{2,4}[-\s.]\d{3,4}(?!\d)")
EMAIL = re.compile(r"[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}")
WEB = re.compile(r"(?:HTTPS?://|WWW\.)\S+|\b[A-Z0-9-]+\.(?:COM|JP|NET|ORG|CO\.JP|IO)\b")
AMOUNT = re.compile(r"[¥\\$€£]\s?\d[\d,]*(?:\.\d{2})?|\d[\d,]*\s?円|(?<![\d.])\d{1,6}\.\d{2}(?![\d.])")
CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
PERCENT = re.compile(r"(?<!\d)(?:100|[1-9]?\d)\s?%")
COMPANY = re.compile(r"株式会社|有限会社|合同会社|\(株\)|\bINC\b|\bLTD\b|\bLLC\b|\bCO\.,?|\bCORP\b|\bGMBH\b")
