"""The conversation's level (safe / caution / danger / block), its reasons, advice and playbooks, from its acts.

Only the other side's acts count (age claims from anyone).  Highest first:

* block — sextortion: a spread threat or a claim to hold pictures/data, with
  a demand for money or (more) pictures; grooming: a minor in the
  conversation with a sexual request, or with offers, meeting or moving in a
  sexual or secret context;
* danger — a spread threat alone (or a claim to hold with a deadline);
  luring (move/meet) with sexual, money, minor or impersonation cues; a
  sexual request with pressure or after a no; impersonation to get pictures
  or information; an offer to a minor; a sexual request or money demand with
  a deadline;
* caution — a single sexual request between adults without pressure, a
  plain move/contact request, age probing alone, a bare payment request;
* safe — anything else, always with the note that safe is not a guarantee.

Advice follows the act and the person: a minor asked for pictures is told
never to send and whom to tell; a threat gets threat wording and the
``threatened`` playbook; an adult asked politely gets the three questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gazoguard.core.levels import Level
from gazoguard.pipeline.explain import THREE_QUESTIONS
from gazoguard.talk.results import Advice, MessageResult, Reason, asks_for_info, other_acts

_REASONS: dict[str, tuple[Level, str, str, tuple[str, ...]]] = {
    "sextortion": (Level.BLOCK, "画像や個人情報を盾に、お金や追加の画像を要求しています（性的脅迫・セクストーション）。これは犯罪です。", "Money or more pictures are demanded with your pictures or data as leverage (sextortion). This is a crime.", ("threatened", "already_sent")),
    "grooming": (Level.BLOCK, "18歳未満の人がいる会話で、性的な要求・贈り物・会う約束などがあります（グルーミング）。これは犯罪です。", "A conversation with an under-18 contains a sexual request, gifts or meeting in a sexual or secret context (grooming). This is a crime.", ("minor_asked", "parent")),
    "threat": (Level.DANGER, "画像や個人情報を広める・周りに送るという脅しがあります。", "There is a threat to spread your pictures or details, or send them to people you know.", ("threatened", "already_sent")),
    "held_with_deadline": (Level.DANGER, "あなたの画像や情報を持っていると言い、期限をつけて急がせています。", "Claims to hold your pictures or data and puts a deadline on you.", ("threatened",)),
    "luring": (Level.DANGER, "別のアプリへの移動や会う誘いが、性的な話・お金・年齢・なりすましと一緒に出ています。", "Moving elsewhere or meeting is pushed together with sexual talk, money, a minor or a false identity.", ("about_to_send",)),
    "pressured_request": (Level.DANGER, "性的な画像を、断った後や圧力・うその安心と一緒に求めています。", "Sexual pictures are asked for after a no, or with pressure or false reassurance.", ("about_to_send",)),
    "impersonation": (Level.DANGER, "事務所・運営・警察・同年代などを名乗って、画像や情報を求めています。", "Someone presents as an agency, staff, police or a peer to get pictures or information.", ("about_to_send",)),
    "offer_to_minor": (Level.DANGER, "18歳未満かもしれない人に、贈り物・お金・仕事などを持ちかけています。", "Gifts, money or a 'job' are offered to someone who may be under 18.", ("minor_asked", "parent")),
    "hurried_demand": (Level.DANGER, "期限をつけて、お金や画像を急がせています。", "Money or pictures are demanded against a deadline.", ("threatened",)),
    "paid_request": (Level.DANGER, "性的な画像の要求とお金の話が同じ会話にあります。", "A sexual request and money in the same conversation.", ("about_to_send",)),
    "request": (Level.CAUTION, "性的な画像を求められています。断ってかまいません。送った画像は取り消せません。", "You are asked for sexual pictures. You may say no; a sent picture cannot be taken back.", ("about_to_send",)),
    "move": (Level.CAUTION, "別のアプリや連絡先への移動を求められています。", "You are asked to move to another app or swap contacts.", ()),
    "age_probe": (Level.CAUTION, "年齢・学年・学校を聞かれています。知らない相手に教える必要はありません。", "You are asked your age, grade or school; you need not tell a stranger.", ()),
    "payment": (Level.CAUTION, "支払いを求められています。相手と目的を確かめてください。", "A payment is asked for; check who asks and why.", ()),
    "pressure": (Level.CAUTION, "圧力やうその安心の言葉があります。", "Words of pressure or false reassurance.", ()),
}

_ADVICE = {
    "minor_never_send": (
        "あなたが18歳未満なら、性的な画像は絶対に送らないでください。求めた相手が悪く、あなたは悪くありません。"
        "返事をせず、保護者や先生など信頼できる大人に話してください。警察相談 #9110、児童相談所 189 にも相談できます。",
        "If you are under 18, never send sexual pictures. The person asking is in the wrong, not you. "
        "Do not reply; tell a parent, a teacher or another adult you trust. You can also call the police line #9110 or the child line 189.",
    ),
    "threat_do_not_pay": (
        "これは脅迫です。お金も追加の画像も送らないでください。払っても消されず、要求が続きます。"
        "メッセージは消さずにすべて保存し、警察（#9110）に相談してください。",
        "This is a threat. Do not pay and do not send more pictures: paying does not get anything deleted and the demands continue. "
        "Keep every message and talk to the police (#9110).",
    ),
    "adult_three_questions": (  # the one set of three questions, spelled out (pipeline/explain.py THREE_QUESTIONS)
        "送るかどうかはあなたが決めてよく、断ってかまいません。迷うなら、送る前に 3 つの質問を確かめてください: "
        + "".join(f"「{q['ja']}」" for q in THREE_QUESTIONS)
        + " どこに届くか（1 対 1・グループ・オープンチャット・掲示板）も確かめ、相手はスクリーンショットで保存できることを忘れないでください。",
        "It is your choice, and no is a full answer. If unsure, go through the three questions before sending: "
        + " ".join(f"\"{q['en']}\"" for q in THREE_QUESTIONS)
        + " And check where it is going (one-to-one, a group, an open chat, a board), and that the other side can screenshot it.",
    ),
    "offline_tell_someone": (
        "ネットで知り合った相手と会うときは一人で行かず、必ず信頼できる人に伝えてください。",
        "If you meet someone from online, never go alone and always tell someone you trust.",
    ),
}


@dataclass
class Verdict:
    level: Level
    reasons: list[Reason] = field(default_factory=list)
    playbooks: list[str] = field(default_factory=list)
    acts: set[str] = field(default_factory=set)
    advice: list[Advice] = field(default_factory=list)


def judge(results: list[MessageResult]) -> Verdict:
    """Level, reasons (highest first), advice and playbooks of a conversation."""
    acts = other_acts(results)
    after_no = any("after_refusal" in r.cues for r in results if r.message.role != "self")
    consent = _user_takes_part(results)
    codes = reason_codes(acts, after_no=after_no, consent=consent, info=asks_for_info(results))
    reasons = sorted((Reason(c, *_REASONS[c][:3]) for c in codes), key=lambda r: -r.level.rank)
    level = reasons[0].level if reasons else Level.SAFE
    playbooks: list[str] = []
    for code in (r.code for r in reasons):
        playbooks += [p for p in _REASONS[code][3] if p not in playbooks]
    return Verdict(level, reasons, playbooks, acts, _advice(acts, codes))


def reason_codes(acts: set[str], *, after_no: bool = False, consent: bool = False, info: bool = False) -> list[str]:
    has = acts.__contains__
    minor = has("age_claim")
    sexual = has("picture_request")
    leverage = has("threat_spread") or has("claims_to_hold")
    luring = has("move_platform") or has("meet_offline")
    codes: list[str] = []
    if leverage and (has("money_demand") or sexual):
        codes.append("sextortion")
    if minor and (sexual or (has("offer_to_minor") and (luring or has("secrecy"))) or (luring and has("secrecy"))):
        codes.append("grooming")
    if has("threat_spread"):
        codes.append("threat")
    elif has("claims_to_hold") and has("deadline"):
        codes.append("held_with_deadline")
    if luring and (sexual or has("money_demand") or minor or has("impersonation") or has("offer_to_minor")):
        codes.append("luring")
    if sexual and (has("pressure") or after_no):
        codes.append("pressured_request")
    if has("impersonation") and (info or sexual or has("money_demand") or has("age_probe") or luring or has("offer_to_minor") or has("secrecy")):
        codes.append("impersonation")
    if has("offer_to_minor"):
        codes.append("offer_to_minor")
    if has("deadline") and (sexual or has("money_demand")):
        codes.append("hurried_demand")
    if sexual and has("money_demand"):
        codes.append("paid_request")
    if sexual and not consent:
        codes.append("request")
    if has("move_platform"):
        codes.append("move")
    if has("age_probe"):
        codes.append("age_probe")
    if has("money_demand"):
        codes.append("payment")
    if has("pressure") and not codes:
        codes.append("pressure")
    if consent and codes == ["pressure"]:
        codes = []
    return codes


def _user_takes_part(results: list[MessageResult]) -> bool:
    """The user asks or offers too, or agrees after being asked and never says no (consenting adults)."""
    own = [r for r in results if r.message.role == "self"]
    if any("refusal" in r.cues for r in own):
        return False
    if any(h.label == "picture_request" for r in own for h in r.hits):
        return True
    first_ask = next((i for i, r in enumerate(results) if r.message.role != "self" and "picture_request" in r.labels), None)
    return first_ask is not None and any("consent" in r.cues for r in results[first_ask + 1 :] if r.message.role == "self")


def _advice(acts: set[str], codes: list[str]) -> list[Advice]:
    out: list[str] = []
    if "age_claim" in acts and ("picture_request" in acts or "offer_to_minor" in acts):
        out.append("minor_never_send")
    if {"sextortion", "threat", "held_with_deadline", "hurried_demand"} & set(codes):
        out.append("threat_do_not_pay")
    if "request" in codes and "age_claim" not in acts and not out:
        out.append("adult_three_questions")
    if "meet_offline" in acts and out != ["threat_do_not_pay"]:
        out.append("offline_tell_someone")
    return [Advice(c, *_ADVICE[c]) for c in out]
