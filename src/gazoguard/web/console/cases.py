"""The review queue, the case view, its picture and the decisions.  Every view is audited."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.auth.roles import Role
from gazoguard.intake import queue
from gazoguard.intake.replies import render_reply
from gazoguard.store import audit
from gazoguard.store.models import Case, CaseImage, User
from gazoguard.web.console.deps import Admin, AdminOrStaff, Denied, Form, Principal, SignedIn, gateway
from gazoguard.web.console.imaging import annotated_png
from gazoguard.web.console.render import render

router = APIRouter(include_in_schema=False)


@router.get("/console", response_class=HTMLResponse)
def queue_page(request: Request, principal: SignedIn):
    with gateway(request).store.session() as session:
        cases = queue.queue_for(session, principal.user)
        rows = [_case_row(c) for c in cases]
    return render(request, "console/queue.html", {"cases": rows, "restricted": False}, principal=principal)


@router.get("/console/restricted", response_class=HTMLResponse)
def restricted_queue(request: Request, principal: Admin):
    with gateway(request).store.session() as session:
        rows = [_case_row(c) for c in queue.queue_for(session, principal.user, restricted=True)]
    return render(request, "console/queue.html", {"cases": rows, "restricted": True}, principal=principal)


@router.get("/console/cases/{case_ref}", response_class=HTMLResponse)
def case_page(request: Request, case_ref: str, principal: AdminOrStaff):
    gw = gateway(request)
    with gw.store.session() as session:
        case = _visible_case(session, principal, case_ref)
        images = [_image_row(principal, i) for i in case.images]
        replies = {i.public_id: render_reply(session, case.org_id, i.action, case.external_id, json.loads(i.reasons_json))
                   for i in case.images}
        staff = [u.username for u in queue.assignable_staff(session, case.org_id)] if principal.role == Role.ADMIN else []
        audit.append(gw.store, session, principal.actor, "view", f"case:{case.public_id}", org_id=case.org_id)
        context = {"case": _case_row(case), "images": images, "replies": replies, "staff": staff, "decisions": queue.DECISIONS}
    return render(request, "console/case.html", context, principal=principal)


@router.get("/console/images/{image_ref}")
def image_view(request: Request, image_ref: str, principal: AdminOrStaff):
    return _serve_image(request, image_ref, principal, download=False)


@router.get("/console/images/{image_ref}/download")
def image_download(request: Request, image_ref: str, principal: AdminOrStaff):
    return _serve_image(request, image_ref, principal, download=True)


@router.post("/console/cases/{case_ref}/decision")
def decide(request: Request, case_ref: str, principal: AdminOrStaff, form: Form):
    gw = gateway(request)
    with gw.store.session() as session:
        case = _visible_case(session, principal, case_ref)
        image = next((i for i in case.images if i.public_id == form.get("image")), None)
        if form.get("decision") not in queue.DECISIONS:
            raise Denied()
        queue.decide(gw.store, session, principal.user, case, form["decision"], image)
    target = f"/console/cases/{case_ref}" if principal.role == Role.ADMIN or form["decision"] not in ("escalate",) else "/console"
    return RedirectResponse(target, status_code=303)


@router.post("/console/cases/{case_ref}/assign")
def assign(request: Request, case_ref: str, principal: Admin, form: Form):
    gw = gateway(request)
    with gw.store.session() as session:
        case = _visible_case(session, principal, case_ref)
        name = form.get("staff", "")
        staff = session.execute(select(User).where(User.username == name)).scalar_one_or_none() if name else None
        try:
            queue.assign(gw.store, session, principal.user, case, staff)
        except PermissionError:
            raise Denied() from None
    return RedirectResponse(f"/console/cases/{case_ref}", status_code=303)


def _serve_image(request: Request, image_ref: str, principal: Principal, *, download: bool) -> Response:
    gw = gateway(request)
    with gw.store.session() as session:
        image = session.execute(select(CaseImage).where(CaseImage.public_id == image_ref)).scalar_one_or_none()
        if image is None or not queue.can_view_image(principal.user, image):
            # the same answer whether it exists or not: a staff member learns nothing about restricted pictures
            raise Denied()
        audit.append(gw.store, session, principal.actor, "download" if download else "view_image",
                     f"case:{image.case.public_id}", org_id=image.case.org_id, image=image.public_id)
        data = gw.vault.get(image.file_name)
        findings = image.findings_json
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{image_ref}.png"'
        return Response(data, media_type="image/png", headers=headers)
    return Response(annotated_png(data, findings), media_type="image/png", headers=headers)


def _visible_case(session: Session, principal: Principal, case_ref: str) -> Case:
    case = session.execute(select(Case).where(Case.public_id == case_ref)).scalar_one_or_none()
    if case is None or not queue.can_view_case(principal.user, case):
        raise Denied()
    return case


def _case_row(case: Case) -> dict:
    return {
        "ref": case.public_id, "external_id": case.external_id, "channel": case.channel, "customer_ref": case.customer_ref,
        "purpose": case.purpose, "status": case.status, "restricted": case.restricted,
        "assignee": case.assignee.username if case.assignee else None, "created_at": case.created_at,
        "expires_at": case.expires_at, "actions": [i.action for i in case.images],
    }


def _image_row(principal: Principal, image: CaseImage) -> dict:
    return {
        "ref": image.public_id, "action": image.action, "level": image.level, "stored": image.stored,
        "reasons": json.loads(image.reasons_json), "decision": image.decision,
        "viewable": queue.can_view_image(principal.user, image), "created_at": image.created_at,
        "findings": [f for f in json.loads(image.findings_json) if f.get("box")],
    }
