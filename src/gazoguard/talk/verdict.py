"""The conversation level (safe / caution / danger / block) and the playbooks to show.

Only what the other side wrote counts against them (a message the user wrote
is still listed, but the user's own words do not raise the level), except
minor signs, which count from either side.  Rules, highest first:

* block: money or more pictures demanded (sextortion), a threat together with
  a payment request, or a minor sign together with a sexual request (grooming);
* danger: a threat to spread; luring to another app or site (a bare "let's
  swap LINE" only with a sexual request, a minor sign or a payment request);
  a sexual request with pressure; a payment request together with a sexual
  request;
* caution: a sexual request without pressure, pressure alone, a payment
  request alone, a bare contact-exchange request;
* safe: nothing of the above (shared IDs and minor signs alone stay safe:
  friends do that all the time).
"""

from __future__ import annotations

from gazoguard.core.levels import Level
from gazoguard.talk.conversation import MessageResult, Reason

_REASONS: dict[str, tuple[Level, str, str, tuple[str, ...]]] = {
    "sextortion": (Level.BLOCK, "画像を理由にお金や追加の画像を要求しています（性的脅迫）。", "Money or more pictures are demanded over pictures (sextortion).", ("threatened", "already_sent")),
    "grooming": (Level.BLOCK, "未成年の可能性がある相手との会話で性的な要求があります（グルーミング）。", "A sexual request in a conversation with a possible minor (grooming).", ("parent", "threatened")),
    "threat": (Level.DANGER, "画像を拡散する・周りに送るという脅しがあります。", "A threat to spread the pictures or send them to people you know.", ("threatened", "already_sent")),
    "luring": (Level.DANGER, "別のアプリやサイトへ移らせようとしています。", "You are being moved to another app or site.", ("about_to_send",)),
    "pressured_request": (Level.DANGER, "性的な画像を、圧力やうその安心と一緒に求めています。", "Sexual pictures are asked for with pressure or false reassurance.", ("about_to_send",)),
    "paid_request": (Level.DANGER, "性的な要求と支払いの要求が同じ会話にあります。", "A sexual request and a payment request in the same conversation.", ("about_to_send",)),
    "request": (Level.CAUTION, "性的な画像を求められています。送る前に「3つの質問」を確認してください。", "Sexual pictures are asked for. Go through the three questions before sending.", ("about_to_send",)),
    "pressure": (Level.CAUTION, "圧力やうその安心の言葉があります。", "Words of pressure or false reassurance.", ("about_to_send",)),
    "payment": (Level.CAUTION, "支払いを求められています。相手と目的を確かめてください。", "A payment is asked for; check who asks and why.", ()),
    "contact_exchange": (Level.CAUTION, "連絡先の交換を求められています。", "You are asked to swap contact IDs.", ()),
}


def judge(results: list[MessageResult]) -> tuple[Level, list[Reason], list[str]]:
    """The level, the reasons for it (highest first) and the playbooks, most relevant first."""
    counted: set[str] = set()
    soft_luring_only = True
    for result in results:
        labels = result.labels
        if "minor_sign" in labels:
            counted.add("minor_sign")
        if result.message.role == "self":
            continue
        counted |= labels
        if any(h.label == "luring" and h.strength == "strong" for h in result.hits):
            soft_luring_only = False
    codes = _reason_codes(counted, soft_luring_only)
    reasons = [Reason(code, _REASONS[code][0], _REASONS[code][1], _REASONS[code][2]) for code in codes]
    reasons.sort(key=lambda r: -r.level.rank)
    level = reasons[0].level if reasons else Level.SAFE
    playbooks: list[str] = []
    for code in (r.code for r in reasons):
        for name in _REASONS[code][3]:
            if name not in playbooks:
                playbooks.append(name)
    return level, reasons, playbooks


def _reason_codes(labels: set[str], soft_luring_only: bool) -> list[str]:
    has = labels.__contains__
    codes: list[str] = []
    if has("extortion") or (has("threat") and has("payment_request")):
        codes.append("sextortion")
    if has("minor_sign") and has("sexual_request"):
        codes.append("grooming")
    if has("threat"):
        codes.append("threat")
    if has("luring"):
        escalated = has("sexual_request") or has("minor_sign") or has("payment_request")
        codes.append("contact_exchange" if soft_luring_only and not escalated else "luring")
    if has("sexual_request"):
        codes.append("pressured_request" if has("pressure") else "request")
        if has("payment_request"):
            codes.append("paid_request")
    elif has("pressure"):
        codes.append("pressure")
    if has("payment_request") and not codes:
        codes.append("payment")
    return codes
