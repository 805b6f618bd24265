"""Overlapping matches: one string is one kind of personal data.

When matches overlap, the stronger one stays: a validated number (check digit,
Luhn, MRZ) beats a pattern-only one, then the higher score, then the longer
span.  A My Number that also looks like a phone number is reported once, as a
My Number.
"""

from __future__ import annotations

from gazoguard.recognizers.base import TextMatch


def _strength(m: TextMatch) -> tuple[bool, float, int, int]:
    return (m.validated, m.score, m.length(), -m.start)


def resolve_overlaps(matches: list[TextMatch]) -> list[TextMatch]:
    kept: list[TextMatch] = []
    for m in sorted(matches, key=_strength, reverse=True):
        if any(m.overlaps(k) for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))
