"""Report + policy → what the gateway does with one picture.

The profile's ``[[actions]]`` decide the action in the business order (sexual → refuse, possible minor →
escalate, readable personal data → ask_to_mask, possible crime → report).  This module decides what is
kept: refused and reported pictures keep only their hash; escalated ones are quarantined for admins;
ask_to_mask keeps at most a masked copy; nothing unmasked with personal data is ever stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gazoguard.intake.policy import Policy
from gazoguard.pipeline.report import Report

RESTRICTED_ACTIONS = frozenset({"refuse", "escalate", "report"})
# categories whose boxes are covered in the masked copy
MASKED_CATEGORIES = frozenset({"personal_text", "code", "identity", "place"})  # not "document": its box is the whole page


@dataclass(frozen=True)
class Judgement:
    action: str
    level: str
    restricted: bool  # admin-only: never listed, shown or served to staff
    store: str        # none | original | masked | quarantine
    reasons: tuple[dict[str, Any], ...]

    @property
    def alerts(self) -> bool:
        return self.action in ("escalate", "report")


def judge(report: Report, policy: Policy) -> Judgement:
    if not report.ok or report.verdict is None:
        # a picture the engine could not read is looked at by a person, never accepted
        return Judgement("escalate", "danger", True, "none", ({"code": "unreadable", "ja": "画像を確認できませんでした。", "en": "The picture could not be checked."},))
    verdict = report.verdict
    action = verdict.action or _fallback_action(report)
    reasons = tuple({"code": r.code, "level": r.level.value, "ja": r.ja, "en": r.en} for r in verdict.reasons)
    if verdict.must_not_store or action in ("refuse", "report"):
        store = "none"
    elif action == "escalate":
        store = "quarantine"
    elif action == "ask_to_mask":
        store = "masked" if policy.keep_masked_copy else "none"
    else:
        store = "original"
    return Judgement(action, verdict.level.value, action in RESTRICTED_ACTIONS, store, reasons)


def _fallback_action(report: Report) -> str:
    """For profiles without ``[[actions]]``: the same order from the finding categories."""
    categories = {f.category for f in report.findings}
    if "sexual" in categories and "minor" in categories:
        return "report"
    for category, action in (("sexual", "refuse"), ("minor", "escalate")):
        if category in categories:
            return action
    if categories & {"personal_text", "document"}:
        return "ask_to_mask"
    return "accept"
