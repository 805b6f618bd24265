"""The judgement flow for one posted picture: decode, check, judge, keep only what the policy allows.

Nothing is written before the judgement: the upload stays in memory, refused and reported pictures
keep only their hash, and ask_to_mask keeps at most a masked copy.  Every kept file is encrypted.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gazoguard.intake.alerts import raise_alerts
from gazoguard.intake.errors import IntakeError
from gazoguard.intake.judgement import Judgement, judge
from gazoguard.intake.masking import encode_clean, masked_copy
from gazoguard.intake.policies import current_policy
from gazoguard.intake.policy import Policy
from gazoguard.intake.replies import render_reply
from gazoguard.intake.vault import Vault
from gazoguard.imaging.picture import Picture, decode_bytes
from gazoguard.pipeline.report import Report
from gazoguard.store import audit
from gazoguard.store.db import Store
from gazoguard.store.models import Case, CaseImage, utcnow


class PictureChecker(Protocol):
    def check(self, source: Any, *, profile: str = ..., path: str | None = ...) -> Report: ...


@dataclass(frozen=True)
class IntakeRequest:
    org_id: str
    channel: str
    case_id: str
    customer_ref: str
    purpose: str
    data: bytes


@dataclass(frozen=True)
class IntakeResult:
    case_id: str
    case_ref: str
    image_ref: str
    action: str
    level: str
    restricted: bool
    reply: dict[str, str]
    reasons: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id, "case_ref": self.case_ref, "image_ref": self.image_ref, "action": self.action,
            "level": self.level, "reply": self.reply,
            # the chat system never learns why a picture was restricted beyond the polite reply
            "reasons": [] if self.restricted else [{"code": r["code"], "ja": r["ja"], "en": r["en"]} for r in self.reasons],
        }


class IntakeService:
    def __init__(self, store: Store, vault: Vault, checker: PictureChecker) -> None:
        self.store, self.vault, self.checker = store, vault, checker

    def receive(self, request: IntakeRequest, *, actor: str) -> IntakeResult:
        _check_field("case_id", request.case_id)
        _check_field("customer_ref", request.customer_ref)
        with self.store.session() as session:
            policy = current_policy(session, request.org_id)
        purpose = request.purpose or policy.default_purpose
        if purpose not in policy.retention_days:
            raise IntakeError("unknown_purpose", purpose=purpose, allowed=", ".join(policy.purposes))
        if request.channel not in policy.channels:
            raise IntakeError("channel_closed", channel=request.channel)
        picture = decode_bytes(request.data)
        report = self.checker.check(picture, profile=policy.profile)
        judgement = judge(report, policy)
        kept = self._kept_bytes(picture, report, judgement)
        shown = [] if judgement.restricted else _findings_for_display(report)
        for attempt in range(3):  # two first posts for one new case race on the unique key: retry finds it
            try:
                return self._record(request, purpose, policy, picture, judgement, kept, shown, actor)
            except IntegrityError:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _kept_bytes(self, picture: Picture, report: Report, judgement: Judgement) -> bytes | None:
        if judgement.store == "masked":
            return masked_copy(picture.image, report)
        if judgement.store in ("original", "quarantine"):
            return encode_clean(picture.image)
        return None

    def _record(self, request: IntakeRequest, purpose: str, policy: Policy, picture: Picture, judgement: Judgement,
                kept: bytes | None, shown: list[dict[str, Any]], actor: str) -> IntakeResult:
        image_ref = uuid.uuid4().hex
        file_name = f"{image_ref}.bin" if kept is not None else None
        try:
            with self.store.session() as session:
                case = _find_or_open_case(session, request, purpose, policy)
                if judgement.restricted:
                    case.restricted = True
                    case.assigned_to = None
                image = CaseImage(
                    public_id=image_ref, case_id=case.id, sha256=picture.sha256, action=judgement.action,
                    level=judgement.level, reasons_json=json.dumps(list(judgement.reasons), ensure_ascii=False),
                    findings_json=json.dumps(shown, ensure_ascii=False),
                    restricted=judgement.restricted, stored=judgement.store if kept is not None else "none",
                    file_name=file_name, width=picture.width, height=picture.height,
                )
                session.add(image)
                session.flush()
                if judgement.alerts:
                    raise_alerts(session, policy, case, judgement.action)
                audit.append(self.store, session, actor, "intake", f"case:{case.public_id}", org_id=case.org_id, image=image_ref,
                             outcome=judgement.action, stored=image.stored)
                if kept is not None and file_name is not None:
                    self.vault.stage(file_name, kept)  # published once the rows are committed
                reply = render_reply(session, policy.org_id, judgement.action, request.case_id, judgement.reasons)
                result = IntakeResult(request.case_id, case.public_id, image_ref, judgement.action, judgement.level,
                                      judgement.restricted, reply, judgement.reasons)
        except BaseException:
            if file_name is not None:
                self.vault.discard(file_name)
            raise
        if file_name is not None:
            self.vault.publish(file_name)
        return result


def _find_or_open_case(session: Session, request: IntakeRequest, purpose: str, policy: Policy) -> Case:
    query = select(Case).where(Case.org_id == request.org_id, Case.external_id == request.case_id)
    case = session.execute(query).scalar_one_or_none()
    if case is not None:
        return case
    now = utcnow()
    case = Case(public_id=uuid.uuid4().hex, org_id=request.org_id, external_id=request.case_id, channel=request.channel,
                customer_ref=request.customer_ref, purpose=purpose, created_at=now,
                expires_at=now + dt.timedelta(days=policy.retention_for(purpose)))
    session.add(case)
    session.flush()
    return case


def _findings_for_display(report: Report) -> list[dict[str, Any]]:
    """What the case view draws: kind, category, box, score — never the recognised text (it is personal data)."""
    return [{"kind": f.kind, "category": f.category, "box": list(f.box) if f.box else None, "score": f.score}
            for f in report.findings if f.category not in ("hidden_data", "analysis")]


def _check_field(name: str, value: str) -> None:
    if not value or len(value) > 200 or any(ord(c) < 32 for c in value):
        raise IntakeError("bad_field", field=name)
