"""The public customer notice page generated from an organisation's policy (linked from the chat)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from gazoguard.intake.errors import IntakeError
from gazoguard.intake.notice import build_notice
from gazoguard.intake.policies import current_policy
from gazoguard.web.console.deps import gateway
from gazoguard.web.console.render import render

router = APIRouter(include_in_schema=False)


@router.get("/notice/{org_id}", response_class=HTMLResponse)
def notice_page(request: Request, org_id: str, lang: str = "ja"):
    try:
        with gateway(request).store.session() as session:
            policy = current_policy(session, org_id)
    except IntakeError:
        from starlette.exceptions import HTTPException

        raise HTTPException(404) from None
    return render(request, "console/notice.html", {"notice": build_notice(policy, lang), "org_id": org_id})
