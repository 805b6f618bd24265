"""The intake endpoint for chat systems: an API key per organisation channel, one picture per POST.

``POST /api/v1/intake/images`` (multipart: case_id, channel, customer_ref, purpose, image) →
the judgement and the canned reply (JA/EN) to send back to the customer.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Header, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from gazoguard.intake.channels import channel_for_key
from gazoguard.intake.errors import IntakeError
from gazoguard.intake.notice import build_notice
from gazoguard.intake.policies import current_policy
from gazoguard.intake.service import IntakeRequest, IntakeService
from gazoguard.web.problems import problem

router = APIRouter(tags=["intake"])

STATUS = {"bad_api_key": 401, "channel_mismatch": 403, "channel_closed": 403, "unknown_purpose": 400, "bad_field": 422, "no_policy": 503}


@router.post("/intake/images", summary="受付画像の自動判定 / judge one picture posted by a chat system")
async def intake_image(
    request: Request,
    case_id: Annotated[str, Form(max_length=200)],
    channel: Annotated[str, Form(max_length=100)],
    customer_ref: Annotated[str, Form(max_length=200)],
    image: Annotated[UploadFile, File()],
    purpose: Annotated[str, Form(max_length=100)] = "",
    authorization: Annotated[str, Header()] = "",
):
    gateway = request.app.state.gateway
    try:
        key = authorization.removeprefix("Bearer ").strip()
        with gateway.store.session() as session:
            found = channel_for_key(session, key)
            if found is None:
                raise IntakeError("bad_api_key")
            org_id, key_channel = found.org_id, found.name
        if key_channel != channel:
            raise IntakeError("channel_mismatch", channel=channel)
        data = await image.read()
        service = IntakeService(gateway.store, gateway.vault, request.app.state.checker)
        result = await run_in_threadpool(
            service.receive,
            IntakeRequest(org_id, channel, case_id, customer_ref, purpose, data),
            actor=f"api:{org_id}/{channel}",
        )
    except IntakeError as err:
        return problem(request, STATUS.get(err.code, 400), err.code, err.message_ja, err.message_en)
    return result.to_dict()


@router.get("/intake/notice/{org_id}", summary="お客様向け案内 / the customer notice generated from the policy")
def intake_notice(request: Request, org_id: str, lang: str = "ja"):
    try:
        with request.app.state.gateway.store.session() as session:
            policy = current_policy(session, org_id)
    except IntakeError as err:
        return problem(request, 404, err.code, err.message_ja, err.message_en)
    notice = build_notice(policy, lang)
    return {"lang": notice.lang, "title": notice.title, "text": notice.as_text(), "send": list(notice.send), "never": list(notice.never),
            "policy_sha256": policy.sha256}


