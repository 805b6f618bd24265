"""Overlapping matches: one string is one kind of personal data.

When matches overlap, the stronger one stays: a validated number (check digit,
Luhn, MRZ) beats a pattern-only one, then the higher score, then the longer
span.  A My Number that also looks like a phone number is reported once, as a
My Number.  A field inside a machine-readable line (its birth date) is kept beside the line.
"""

from __future__ import annotations

from gazoguard.recognizers.base import TextMatch


def _strength(m: TextMatch) -> tuple[bool, float, int, int]:
    return (m.validated, m.score, m.length(), -m.start)


def resolve_overlaps(matches: list[TextMatch]) -> list[TextMatch]:
    kept: list[TextMatch] = []
    for m in sorted(matches, key=_strength, reverse=True):
        if any(m.overlaps(k) and not _nested_mrz_field(m, k) for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def _nested_mrz_field(a: TextMatch, b: TextMatch) -> bool:
    """A field of a machine-readable line (its birth date) stands beside the line's own finding."""
    inner, outer = (a, b) if a.attrs.get("within_mrz") else (b, a)
    return bool(inner.attrs.get("within_mrz")) and outer.attrs.get("source") == "mrz" and inner.kind != outer.kind and outer.start <= inner.start and inner.end <= outer.end
