"""The escalation alerts and their delivery: delivered / waiting / failed, attempts, last error; send a failed one again."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from gazoguard.intake.delivery import requeue
from gazoguard.store import audit
from gazoguard.store.models import Alert, Case
from gazoguard.web.console.deps import Admin, Denied, Form, gateway
from gazoguard.web.console.render import render

router = APIRouter(include_in_schema=False)


@router.get("/console/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, principal: Admin):
    with gateway(request).store.session() as session:
        query = select(Alert, Case.public_id, Case.external_id).join(Case, Case.id == Alert.case_id).order_by(Alert.id.desc()).limit(500)
        if principal.user.org_id:
            query = query.where(Alert.org_id == principal.user.org_id)
        rows = [{"id": a.id, "recipient": a.recipient, "action": a.action, "status": a.status, "attempts": a.attempts,
                 "last_error": a.last_error, "created_at": a.created_at, "delivered_at": a.delivered_at,
                 "next_attempt_at": a.next_attempt_at, "case_ref": ref, "case_id": ext}
                for a, ref, ext in session.execute(query)]
    configured = bool(getattr(request.app.state.settings, "smtp_host", ""))
    return render(request, "console/alerts.html", {"alerts": rows, "configured": configured}, principal=principal)


@router.post("/console/alerts/{alert_id}/retry")
def retry_alert(request: Request, alert_id: int, principal: Admin, form: Form):
    gw = gateway(request)
    with gw.store.session() as session:
        alert = session.get(Alert, alert_id)
        if alert is None or (principal.user.org_id and alert.org_id != principal.user.org_id):
            raise Denied()
        requeue(session, alert)
        audit.append(gw.store, session, principal.actor, "alert_retry", f"alert:{alert.id}")
    return RedirectResponse("/console/alerts", status_code=303)
