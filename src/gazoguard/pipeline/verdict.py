"""Findings + profile → verdict.  A pure function: no I/O, no models.

Order of the rules, all driven by the profile file except the first:

1. the legal red line — any sexual finding together with any minor finding is
   ``block`` with ``must_not_store`` in every profile, whatever it says;
2. a user-set limit (performer ``[limits]``) crossed → ``block``;
3. otherwise the level of the finding's kind, else of its category;
4. a detector that failed or timed out raises the level to ``failure_level``;
5. profiles with ``[[actions]]`` get the first matching action (else accept);
6. profiles with ``[[help.contacts]]`` carry whom to ask (``Verdict.help``, never a reason) from ``help.min_level`` on;
7. profiles with ``three_questions`` carry the three questions on every result, ◎ included.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gazoguard.pipeline import explain
from gazoguard.core.finding import DetectorRun, Finding, RunStatus
from gazoguard.core.levels import Level, highest
from gazoguard.profiles.loader import Profile


@dataclass(frozen=True)
class Reason:
    code: str
    level: Level
    findings: tuple[int, ...]
    ja: str
    en: str
    fix_ja: str
    fix_en: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "level": self.level.value,
            "findings": list(self.findings),
            "ja": self.ja,
            "en": self.en,
            "fix_ja": self.fix_ja,
            "fix_en": self.fix_en,
        }


@dataclass(frozen=True)
class Verdict:
    level: Level
    reasons: tuple[Reason, ...]
    action: str | None = None
    must_not_store: bool = False
    questions: tuple[dict[str, str], ...] = field(default=())
    help: tuple[dict[str, str], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "level": self.level.value,
            "mark": self.level.mark,
            "label_ja": self.level.ja,
            "label_en": self.level.en,
            "reasons": [r.to_dict() for r in self.reasons],
        }
        if self.must_not_store:
            out["must_not_store"] = True
        if self.questions:
            out["questions"] = [dict(q) for q in self.questions]
        if self.help:
            out["help"] = [dict(h) for h in self.help]
        if self.level == Level.SAFE:
            out["note_ja"], out["note_en"] = explain.SAFE_NOTE
        return out


def assess(findings: Sequence[Finding], profile: Profile, runs: Sequence[DetectorRun] = ()) -> Verdict:
    reasons = _finding_reasons(findings, profile)
    reasons += _failure_reasons(runs, profile)
    red_line = _minor_with_sexual(findings)
    if red_line:
        reasons.insert(0, red_line)
    reasons.sort(key=lambda r: -r.level.rank)
    level = highest([r.level for r in reasons])
    help_lines = _help_lines(profile, level)
    failed = any(run.status in (RunStatus.FAILED, RunStatus.TIMEOUT) for run in runs)
    return Verdict(
        level=level,
        reasons=tuple(reasons),
        action=_action(findings, profile, level, red_line=red_line is not None, detector_failed=failed),
        must_not_store=red_line is not None,
        questions=explain.THREE_QUESTIONS if profile.three_questions else (),
        help=help_lines,
    )


def _finding_reasons(findings: Sequence[Finding], profile: Profile) -> list[Reason]:
    by_kind: OrderedDict[str, list[int]] = OrderedDict()
    for index, f in enumerate(findings):
        if profile.counts(f.kind, f.score):
            by_kind.setdefault(f.kind, []).append(index)
    reasons = []
    for kind, indices in by_kind.items():
        group = [findings[i] for i in indices]
        category = group[0].category
        level = profile.level_for(kind, category)
        if level == Level.SAFE:
            continue
        ja, en = explain.reason_text(kind, group)
        limit = profile.limit_for(kind)
        if limit is not None:
            limit_ja, limit_en = explain.limit_text(limit)
            ja, en = f"{ja} {limit_ja}", f"{en} {limit_en}"
        fix_ja, fix_en = profile.advice_for(kind, category) or explain.fix_for(kind)
        reasons.append(Reason(kind, level, tuple(indices), ja, en, fix_ja, fix_en))
    return reasons


def _failure_reasons(runs: Sequence[DetectorRun], profile: Profile) -> list[Reason]:
    reasons = []
    for run in runs:
        if run.status not in (RunStatus.FAILED, RunStatus.TIMEOUT):
            continue
        status_ja, status_en = explain.STATUS_TEXT[run.status.value]
        ja, en = explain.FAILURE_TEXT
        level = profile.failure_level if profile.failure_level != Level.SAFE else Level.CAUTION
        reasons.append(
            Reason(
                f"detector_{run.status.value}",
                level,
                (),
                ja.format(name=run.name, status_ja=status_ja),
                en.format(name=run.name, status_en=status_en),
                *explain.FAILURE_FIX,
            )
        )
    return reasons


def _minor_with_sexual(findings: Sequence[Finding]) -> Reason | None:
    """The legal red line: any sexual finding (swimwear included) with any minor finding, in every profile."""
    sexual = [i for i, f in enumerate(findings) if f.category == "sexual"]
    minor = [i for i, f in enumerate(findings) if f.category == "minor"]
    if not sexual or not minor:
        return None
    return Reason("sexual_with_minor", Level.BLOCK, tuple(sexual + minor), *explain.MINOR_SEXUAL_TEXT, *explain.MINOR_SEXUAL_FIX)


def _help_lines(profile: Profile, level: Level) -> tuple[dict[str, str], ...]:
    if not profile.help_contacts or level.rank < profile.help_min_level.rank:
        return ()
    return tuple(dict(contact) for contact in profile.help_contacts)


def _action(
    findings: Sequence[Finding], profile: Profile, level: Level, *, red_line: bool = False, detector_failed: bool = False
) -> str | None:
    if not profile.has_actions:
        return None
    for rule in profile.actions:
        if rule.is_condition:
            if rule.matches_condition(red_line=red_line, detector_failed=detector_failed):
                return rule.action
            continue
        for f in findings:
            if not profile.counts(f.kind, f.score):
                continue
            if rule.matches(f.kind, f.category, profile.level_for(f.kind, f.category)):
                return rule.action
    return "accept"
