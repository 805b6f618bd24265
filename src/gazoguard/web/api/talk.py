"""POST /api/v1/talk: a chat (pasted text or screenshots) in, its risk patterns and level out (gazoguard.talk/1).

Screenshots go through the engine's shared OCR, the same path as image checks; nothing is stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Form, Request, UploadFile

from gazoguard.core.errors import GazoError
from gazoguard.imaging.picture import load_picture
from gazoguard.talk import Message, check_conversation, parse_chat_text
from gazoguard.talk.screenshot import messages_from_layout
from gazoguard.web.text_input import MAX_SCREENSHOTS, MAX_TEXT_CHARS, checked_text
from gazoguard.web.uploads import read_upload

router = APIRouter(tags=["talk"])


@router.post(
    "/talk",
    summary="会話の危険チェック / check a conversation",
    description=(
        "貼り付けた会話テキスト、またはチャットのスクリーンショット（OCR）から、被害の前ぶれとなるパターンを探します。"
        "保存はしません。/ Finds the patterns that come before harm in pasted chat text or chat screenshots (OCR)."
        f" Nothing is stored. Up to {MAX_TEXT_CHARS:,} characters and {MAX_SCREENSHOTS} screenshots."
    ),
    responses={400: {"description": "problem+json"}, 413: {"description": "too large"}, 422: {"description": "no conversation given"}},
)
def talk(
    request: Request,
    text: str | None = Form(None, description="会話のテキスト（LINE の書き出し、「名前: 本文」の行など）/ chat text"),
    me: str | None = Form(None, max_length=100, description="自分の名前（自分の発言の印）/ your own name in the chat"),
    files: list[UploadFile] | None = File(None, description="スクリーンショット（順番どおり）/ chat screenshots, in order"),
) -> dict[str, Any]:
    messages: list[Message] = []
    if text is not None and text.strip():
        messages.extend(parse_chat_text(checked_text(text), me=me or None))
    uploads = files or []
    if len(uploads) > MAX_SCREENSHOTS:
        raise GazoError("too_many_files", limit=MAX_SCREENSHOTS)
    sources = []
    for upload in uploads:
        messages.extend(_screenshot_messages(request, upload))
        sources.append(upload.filename or "screenshot")
    if not messages:
        raise GazoError("empty_text")
    numbered = [Message(i, m.text, m.speaker, m.role, m.time, m.source) for i, m in enumerate(messages)]
    return check_conversation(numbered, sources=tuple(sources)).to_dict()


def _screenshot_messages(request: Request, upload: UploadFile) -> list[Message]:
    data = read_upload(upload, request.app.state.settings.max_upload_bytes)
    picture = load_picture(data)
    layout = request.app.state.checker.read_text(picture)
    return messages_from_layout(layout, picture.width, upload.filename or "screenshot")
