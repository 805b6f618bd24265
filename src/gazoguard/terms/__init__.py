"""Terms / privacy text checker: which protective answers a service gives, which risky ones, and what it leaves out.

``check_terms(text)`` returns a :class:`TermsResult`; each signal (age limit,
prohibited content, report / block, image storage and deletion, training use
and opt-out, retention, third-party sharing) is ``safe`` (safe-leaning),
``danger`` (danger-leaning: a risky or only vague answer) or ``missing``,
with the sentences that support it.  A signal is only reported present when a
sentence of the text supports it.
"""

from __future__ import annotations

from gazoguard.terms.checker import SignalResult, TermsResult, check_terms, load_signals

__all__ = ["SignalResult", "TermsResult", "check_terms", "load_signals"]
