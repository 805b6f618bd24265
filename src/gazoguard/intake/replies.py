"""Canned replies (JA/EN) returned to the chat system for each outcome; editable per organisation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from gazoguard.intake.policy import ACTIONS
from gazoguard.store.models import ReplyTemplate, utcnow

DEFAULTS: dict[str, tuple[str, str]] = {
    "accept": (
        "画像を受け付けました。担当者が確認してご連絡します。（受付番号 {case_id}）",
        "Thank you, we have received your picture. A member of staff will get back to you. (Case {case_id})",
    ),
    "refuse": (
        "申し訳ありませんが、この画像はお受けできません。お問い合わせ内容を文章でお知らせください。画像は保存していません。",
        "We are sorry, but we cannot accept this picture. Please describe your inquiry in words. The picture has not been kept.",
    ),
    "escalate": (
        "画像を受け付けました。確認に少しお時間をいただきます。責任者からご連絡します。（受付番号 {case_id}）",
        "We have received your picture. It needs a little more time to check; a manager will contact you. (Case {case_id})",
    ),
    "ask_to_mask": (
        "画像に電話番号・住所・番号などの個人情報が読み取れます。該当部分を隠して、もう一度送ってください。元の画像は削除しました。",
        "Your picture shows personal details such as a phone number, address or ID number. Please cover them and send it again. The original has been deleted.",
    ),
    "report": (
        "申し訳ありませんが、この画像はお受けできません。画像は保存していません。",
        "We are sorry, but we cannot accept this picture. The picture has not been kept.",
    ),
}


def templates_for(session: Session, org_id: str) -> dict[tuple[str, str], str]:
    """(action, lang) → text: the organisation's edits over the defaults."""
    texts = {(action, lang): DEFAULTS[action][0 if lang == "ja" else 1] for action in ACTIONS for lang in ("ja", "en")}
    for row in session.execute(select(ReplyTemplate).where(ReplyTemplate.org_id == org_id)).scalars():
        texts[(row.action, row.lang)] = row.text
    return texts


def render_reply(session: Session, org_id: str, action: str, case_id: str) -> dict[str, str]:
    texts = templates_for(session, org_id)
    return {lang: _fill(texts[(action, lang)], case_id) for lang in ("ja", "en")}


def save_template(session: Session, org_id: str, action: str, lang: str, text: str) -> ReplyTemplate:
    if action not in ACTIONS or lang not in ("ja", "en") or not text.strip() or len(text) > 2000:
        from gazoguard.intake.errors import IntakeError

        raise IntakeError("bad_field", field=f"{action}/{lang}")
    query = select(ReplyTemplate).where(ReplyTemplate.org_id == org_id, ReplyTemplate.action == action, ReplyTemplate.lang == lang)
    row = session.execute(query).scalar_one_or_none()
    if row is None:
        row = ReplyTemplate(org_id=org_id, action=action, lang=lang, text=text.strip())
        session.add(row)
    else:
        row.text, row.updated_at = text.strip(), utcnow()
    session.flush()
    return row


def _fill(template: str, case_id: str) -> str:
    # only {case_id} is substituted: an edited template with other braces must not raise
    return template.replace("{case_id}", case_id)
