"""Reply templates, the policy, retention, deletion requests and the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from gazoguard.intake import deletion, policies, replies
from gazoguard.intake.completion import completion_report, render_pdf
from gazoguard.intake.errors import IntakeError
from gazoguard.intake.retention import purge_expired
from gazoguard.store import audit
from gazoguard.store.models import DeletionRequest, Organisation, RetentionLogEntry
from gazoguard.web.console.deps import Admin, AdminOrAuditor, Denied, Form, Principal, SignedIn, gateway
from gazoguard.web.console.render import render

router = APIRouter(include_in_schema=False)


def _org_id(request: Request, principal: Principal) -> str:
    if principal.user.org_id:
        return principal.user.org_id
    with gateway(request).store.session() as session:  # a deployment-wide user works on the first organisation
        org = session.execute(select(Organisation.id).order_by(Organisation.created_at)).scalars().first()
    if org is None:
        raise IntakeError("unknown_org", org="(none)")
    return org


@router.get("/console/replies", response_class=HTMLResponse)
def replies_page(request: Request, principal: Admin):
    org_id = _org_id(request, principal)
    with gateway(request).store.session() as session:
        texts = replies.templates_for(session, org_id)
    return render(request, "console/replies.html", {"texts": texts, "actions": replies.REPLY_KEYS, "saved": request.query_params.get("saved")}, principal=principal)


@router.post("/console/replies")
def save_replies(request: Request, principal: Admin, form: Form):
    org_id = _org_id(request, principal)
    gw = gateway(request)
    with gw.store.session() as session:
        current = replies.templates_for(session, org_id)
        changed = []
        for action in replies.REPLY_KEYS:
            for lang in ("ja", "en"):
                text = form.get(f"{action}_{lang}")
                if text is not None and text.strip() != current[(action, lang)]:
                    replies.save_template(session, org_id, action, lang, text)
                    changed.append(f"{action}/{lang}")
        if changed:
            audit.append(gw.store, session, principal.actor, "replies_change", f"policy:{org_id}", org_id=org_id,
                         templates=changed)
    return RedirectResponse("/console/replies?saved=1", status_code=303)


@router.get("/console/policy", response_class=HTMLResponse)
def policy_page(request: Request, principal: SignedIn):
    org_id = _org_id(request, principal)
    with gateway(request).store.session() as session:
        policy = policies.current_policy(session, org_id)
        history = [(v.version, v.sha256[:12], v.created_by, v.created_at) for v in policies.versions(session, org_id)]
    return render(request, "console/policy.html", {"policy": policy, "history": history, "error": None}, principal=principal)


@router.post("/console/policy")
def change_policy(request: Request, principal: Admin, form: Form):
    org_id = _org_id(request, principal)
    gw = gateway(request)
    try:
        from gazoguard.intake.policy import parse_policy

        if parse_policy(form.get("text", "")).org_id != org_id:
            raise IntakeError("bad_policy", detail="organisation.id cannot change")
        with gw.store.session() as session:
            policies.register_policy(gw.store, session, form.get("text", ""), principal.actor)
    except IntakeError as err:
        with gw.store.session() as session:
            policy = policies.current_policy(session, org_id)
            history = [(v.version, v.sha256[:12], v.created_by, v.created_at) for v in policies.versions(session, org_id)]
        return render(request, "console/policy.html", {"policy": policy, "history": history, "error": err}, principal=principal, status_code=400)
    return RedirectResponse("/console/policy", status_code=303)


@router.get("/console/retention", response_class=HTMLResponse)
def retention_page(request: Request, principal: AdminOrAuditor):
    with gateway(request).store.session() as session:
        query = select(RetentionLogEntry).order_by(RetentionLogEntry.id.desc()).limit(500)
        if principal.user.org_id:
            query = query.where(RetentionLogEntry.org_id == principal.user.org_id)
        log = list(session.execute(query).scalars())
    return render(request, "console/retention.html", {"log": log}, principal=principal)


@router.post("/console/retention/purge")
def retention_purge(request: Request, principal: Admin, form: Form):
    gw = gateway(request)
    # an organisation's admin purges that organisation's expired cases only, in their own name
    purge_expired(gw.store, gw.vault, org_id=principal.user.org_id, actor=principal.actor)
    return RedirectResponse("/console/retention", status_code=303)


@router.get("/console/deletions", response_class=HTMLResponse)
def deletions_page(request: Request, principal: AdminOrAuditor):
    with gateway(request).store.session() as session:
        rows = deletion.list_requests(session, principal.user.org_id)
    return render(request, "console/deletions.html", {"requests": rows}, principal=principal)


@router.post("/console/deletions")
def record_deletion(request: Request, principal: Admin, form: Form):
    org_id = _org_id(request, principal)
    gw = gateway(request)
    with gw.store.session() as session:
        deletion.record_request(gw.store, session, org_id, form.get("customer_ref", ""), actor=principal.actor)
    return RedirectResponse("/console/deletions", status_code=303)


@router.post("/console/deletions/{request_ref}/carry-out")
def carry_out_deletion(request: Request, request_ref: str, principal: Admin, form: Form):
    gw = gateway(request)
    with gw.store.session() as session:
        row = _request(session, principal, request_ref)
        if row.status != "completed":
            deletion.carry_out(gw.store, session, gw.vault, row, actor=principal.actor)
    return RedirectResponse("/console/deletions", status_code=303)


@router.get("/console/deletions/{request_ref}/report.html", response_class=HTMLResponse)
def deletion_report_html(request: Request, request_ref: str, principal: AdminOrAuditor):
    report = _completion(request, principal, request_ref, "html")
    return render(request, "console/completion.html", {"report": report}, principal=principal)


@router.get("/console/deletions/{request_ref}/report.pdf")
def deletion_report_pdf(request: Request, request_ref: str, principal: AdminOrAuditor):
    report = _completion(request, principal, request_ref, "pdf")
    return Response(render_pdf(report), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="deletion-{request_ref}.pdf"'})


@router.get("/console/audit", response_class=HTMLResponse)
def audit_page(request: Request, principal: AdminOrAuditor, page: int = 0):
    with gateway(request).store.session() as session:
        # an organisation's admins and auditors see their organisation's entries only; the chain is checked whole
        entries = audit.entries(session, limit=200, offset=max(0, page) * 200, org_id=principal.user.org_id)
        breaks = audit.verify(session, gateway(request).store.anchor)
    return render(request, "console/audit.html", {"entries": entries, "breaks": breaks, "page": page}, principal=principal)


def _request(session, principal: Principal, request_ref: str) -> DeletionRequest:  # type: ignore[no-untyped-def]
    row = session.execute(select(DeletionRequest).where(DeletionRequest.public_id == request_ref)).scalar_one_or_none()
    if row is None or (principal.user.org_id and row.org_id != principal.user.org_id):
        raise Denied()
    return row


def _completion(request: Request, principal: Principal, request_ref: str, kind: str):  # type: ignore[no-untyped-def]
    gw = gateway(request)
    with gw.store.session() as session:
        row = _request(session, principal, request_ref)
        if row.status != "completed":
            raise Denied()
        org = session.get(Organisation, row.org_id)
        audit.append(gw.store, session, principal.actor, "download", f"deletion:{row.public_id}", org_id=row.org_id, report=kind)
        return completion_report(row, org.name if org else row.org_id, request.app.state.settings.timezone)
