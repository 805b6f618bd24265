"""Canned replies (JA/EN) returned to the chat system, chosen by the outcome *and* its reasons; editable per organisation.

``ask_to_mask`` has one reply per reason (an ID document, readable numbers, other people's faces), so a picture
with two faces is not answered about phone numbers. ``id_request`` is the guide's message for asking a customer
for an ID picture with the number and address hidden; staff send it, nothing chooses it automatically.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from collections.abc import Iterable, Mapping
from typing import Any

from gazoguard.core.catalogue import kind_info
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
        "画像から電話番号・住所・カード番号などの個人情報が読み取れます。お手数ですが、その部分を紙やアプリで隠して、もう一度お送りください。元の画像は削除しました。",
        "Your picture shows personal details such as a phone number, address or ID number. Please cover them and send it again. The original has been deleted.",
    ),
    "ask_to_mask:faces": (
        "画像に人の顔が写っています。お手数ですが、ご本人以外の方の顔は隠すか写らないようにして、もう一度お送りください。元の画像は削除しました。",
        "Your picture shows people's faces. Please hide the faces of anyone else, or leave them out, and send it again. The original has been deleted.",
    ),
    "ask_to_mask:id_card": (
        "画像に身分証が写っています。お手数ですが、番号や住所は紙やアプリで隠した状態で撮影し、もう一度お送りください。元の画像は削除しました。",
        "Your picture shows an ID card. Please photograph it with the number and address hidden (with paper or an app) and send it again. The original has been deleted.",
    ),
    "id_request": (
        "年齢確認のため、身分証のお写真をお願いしております。番号や住所は紙やアプリで隠した状態で撮影をお願いいたします。",
        "For an age check, please send us a photo of your ID. Please hide the number and address (with paper or an app) before you take it.",
    ),
    "report": (
        "申し訳ありませんが、この画像はお受けできません。画像は保存していません。",
        "We are sorry, but we cannot accept this picture. The picture has not been kept.",
    ),
}


REPLY_KEYS: tuple[str, ...] = tuple(DEFAULTS)
_ID_KINDS = {"my_number", "drivers_licence", "passport", "insurance_number"}


def reply_key(action: str, reasons: Iterable[Mapping[str, Any]] = ()) -> str:
    """Which reply answers ``action`` given the verdict's reasons: the most serious reason decides."""
    if action != "ask_to_mask":
        return action
    reasons = list(reasons)
    codes = {str(r.get("code", "")) for r in reasons}
    categories = {_category(code) for code in codes}
    if codes & _ID_KINDS or any(r.get("code") == "document" and _names_an_id(str(r.get("ja", ""))) for r in reasons):
        return "ask_to_mask:id_card"
    if categories & {"identity"} and not categories & {"personal_text", "document"}:
        return "ask_to_mask:faces"
    return "ask_to_mask"


def _names_an_id(text: str) -> bool:
    return any(name in text for name in _ID_NAMES)


_ID_NAMES = ("運転免許証", "マイナンバーカード", "健康保険証", "パスポート", "在留カード", "学生証", "社員証", "身分証")


def _category(code: str) -> str:
    try:
        return kind_info(code).category
    except KeyError:
        return ""


def templates_for(session: Session, org_id: str) -> dict[tuple[str, str], str]:
    """(reply key, lang) → text: the organisation's edits over the defaults."""
    texts = {(key, lang): DEFAULTS[key][0 if lang == "ja" else 1] for key in REPLY_KEYS for lang in ("ja", "en")}
    for row in session.execute(select(ReplyTemplate).where(ReplyTemplate.org_id == org_id)).scalars():
        texts[(row.action, row.lang)] = row.text
    return texts


def render_reply(session: Session, org_id: str, action: str, case_id: str,
                 reasons: Iterable[Mapping[str, Any]] = ()) -> dict[str, str]:
    texts = templates_for(session, org_id)
    key = reply_key(action, reasons)
    return {lang: _fill(texts[(key, lang)], case_id) for lang in ("ja", "en")}


def save_template(session: Session, org_id: str, action: str, lang: str, text: str) -> ReplyTemplate:
    if action not in REPLY_KEYS or lang not in ("ja", "en") or not text.strip() or len(text) > 2000:
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
