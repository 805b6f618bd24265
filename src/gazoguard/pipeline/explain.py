"""Japanese and English sentences for verdict reasons, in one place."""

from __future__ import annotations

from collections.abc import Sequence

from gazoguard.core.catalogue import fix_text, kind_info
from gazoguard.core.finding import Finding

_BY_CATEGORY: dict[str, tuple[str, str]] = {
    "identity": ("{ja}が写っています{count_ja}。", "A {en} is visible{count_en}."),
    "personal_text": ("{ja}が読み取れます{count_ja}。", "A readable {en}{count_en}."),
    "document": ("{ja}が写っています{count_ja}。", "A {en} is in the picture{count_en}."),
    "code": ("{ja}が読み取れます{count_ja}。", "A readable {en}{count_en}."),
    "screen": ("{ja}があります{count_ja}。", "A {en}{count_en}."),
    "place": ("場所の手がかり: {ja}{count_ja}。", "A place clue: {en}{count_en}."),
    "sexual": ("{ja}が検出されました{count_ja}。", "Detected: {en}{count_en}."),
    "minor": ("{ja}の兆候があります{count_ja}。", "A sign of: {en}{count_en}."),
    "hidden_data": ("ファイルに{ja}が残っています。", "The file carries hidden data: {en}."),
    "analysis": ("{ja}のため、細部まで読み取れます。", "{en_cap}: small details can be read."),
}

DOC_KINDS_JA = {
    "drivers_licence": "運転免許証", "my_number_card": "マイナンバーカード", "insurance_card": "健康保険証",
    "passport": "パスポート", "residence_card": "在留カード", "student_id": "学生証", "staff_id": "社員証",
    "id_card": "身分証", "receipt": "レシート・領収書", "invoice": "請求書・見積書・契約書", "medical": "診療・処方の書類",
    "business_card": "名刺", "form": "個人情報の記入された書類",
}
DOC_KINDS_EN = {
    "drivers_licence": "driver's licence", "my_number_card": "My Number card", "insurance_card": "health-insurance card",
    "passport": "passport", "residence_card": "residence card", "student_id": "student ID", "staff_id": "staff ID",
    "id_card": "ID card", "receipt": "receipt", "invoice": "invoice, quote or contract", "medical": "medical paper",
    "business_card": "business card", "form": "filled-in form with personal data",
}


# Kinds whose category sentence would read badly (「未成年の可能性の兆候があります」): their own sentence.
_BY_KIND: dict[str, tuple[str, str]] = {
    "possible_minor": ("未成年の可能性があります{count_ja}。", "The person may be under 18{count_en}."),
    "school_uniform": ("学校の制服が写っています{count_ja}（未成年の手がかり）。", "A school uniform is visible{count_en} (a sign of a minor)."),
    "school_text": ("学校名・学年の文字が読み取れます{count_ja}（未成年の手がかり）。", "A school name or grade can be read{count_en} (a sign of a minor)."),
}


def _spaced(label: str) -> str:
    """A label ending in Latin letters or digits gets a space before the particle: 「URL が」, 「SNS・LINE の ID が」."""
    return label + " " if label[-1:].isascii() and label[-1:].isalnum() else label


def reason_text(kind: str, findings: Sequence[Finding]) -> tuple[str, str]:
    info = kind_info(kind)
    ja_label, en_label = info.ja, info.en
    if kind == "document":
        doc = findings[0].attrs.get("doc_kind", "")
        ja_label = DOC_KINDS_JA.get(doc, ja_label)
        en_label = DOC_KINDS_EN.get(doc, en_label)
    n = len(findings)
    count_ja = f"（{n} か所）" if n > 1 else ""
    count_en = f" ({n} places)" if n > 1 else ""
    ja, en = _BY_KIND.get(kind) or _BY_CATEGORY[info.category]
    values = dict(ja=_spaced(ja_label), en=en_label, en_cap=en_label[:1].upper() + en_label[1:], count_ja=count_ja, count_en=count_en)
    ja_text, en_text = ja.format(**values), en.format(**values)
    detail = _detail(kind, findings)
    if detail:
        ja_text += f" {detail[0]}"
        en_text += f" {detail[1]}"
    return ja_text, en_text


def _detail(kind: str, findings: Sequence[Finding]) -> tuple[str, str] | None:
    f = findings[0]
    if kind == "gps" and "lat" in f.attrs:
        where = f"({f.attrs['lat']:.5f}, {f.attrs['lon']:.5f})"
        return f"撮影場所 {where} が分かります。", f"It reveals where it was taken {where}."
    if kind == "high_resolution" and "suggested_max_side" in f.attrs:
        side = f.attrs["suggested_max_side"]
        return f"長辺 {side} px 程度への縮小をおすすめします。", f"Consider downscaling to about {side} px on the long side."
    return None


def fix_for(kind: str) -> tuple[str, str]:
    fix = fix_text(kind_info(kind).fix)
    return fix["ja"], fix["en"]


FAILURE_TEXT = (
    "検出器「{name}」が{status_ja}ため、この項目は確認できていません。安全とは判断しません。",
    "Detector {name!r} {status_en}, so this was not checked; the picture is not judged safe.",
)
FAILURE_FIX = ("もう一度確認するか、送る前に自分の目で確かめる", "check again, or look at the picture yourself before sending")
STATUS_TEXT = {"failed": ("失敗した", "failed"), "timeout": ("時間切れになった", "timed out")}

MINOR_SEXUAL_TEXT = (
    "性的な内容と未成年の兆候が同時にあります。保存・表示・送信してはいけません（児童ポルノ禁止法）。",
    "Sexual content together with a sign of a minor: this must not be stored, shown or sent (child-abuse material laws).",
)
MINOR_SEXUAL_FIX = ("送らず、保存もしない。必要なら警察・相談窓口へ", "do not send or keep it; contact the police or a hotline if needed")

# The one set of "three questions" (PRODUCT.md, the guide's 判断軸): every result, the checker page and the
# about_to_send playbook (by reference, ``questions = "three_questions"``) use this tuple and no other.
THREE_QUESTIONS = (
    {"ja": "明日この写真が SNS にさらされても、耐えられますか？", "en": "Would I be fine if this were on social media tomorrow?"},
    {"ja": "3 年後、転職活動や結婚のときに（面接官やパートナーの家族に）見られても平気ですか？", "en": "Would I be fine if a job interviewer or a partner's family saw it in three years?"},
    {"ja": "今、家族に見られても説明できますか？", "en": "Would I be fine if my family saw it now?"},
)
QUESTIONS_HEADING = ("送る前に 3 つの質問（1 つでも「きつい」と感じたら、送らない方が安全です）",
                     "Three questions before you send (if even one feels hard, it is safer not to send)")

# "Where is this going?" (the guide: 誰が・どこから・どれくらいの期間アクセスできる場所なのか): asked with the three
# questions before sending; each place says who can see the picture, for how long, and who can screenshot it.
WHERE_QUESTION = ("どこに届きますか？", "Where is it going?")
WHERE_HINT = ("誰が・どこから・どれくらいの期間見られる場所か、確かめましょう。", "Check who can see it, from where, and for how long.")
DESTINATIONS = (
    {"id": "one_to_one", "ja": "1 対 1 の個別チャット", "en": "a one-to-one chat",
     "advice_ja": "相手が 1 人でも、保存・スクリーンショット・転送はできます。相手が誰か、本当に確かめましたか？",
     "advice_en": "Even with one person, the picture can be saved, screenshotted and forwarded. Do you really know who they are?"},
    {"id": "group", "ja": "グループ", "en": "a group",
     "advice_ja": "今のメンバー全員と、あとから入る人が見られます。1 人がスクリーンショットを撮れば、グループの外に広がります。",
     "advice_en": "Every member, and anyone who joins later, can see it. One screenshot takes it outside the group."},
    {"id": "open_chat", "ja": "オープンチャット", "en": "an open chat",
     "advice_ja": "知らない人も入れて、過去の投稿が残ります。招待制でも、URL やスクリーンショットで第三者に広がります。",
     "advice_en": "Strangers can join and past posts stay. Even an invitation-only room spreads through its URL and screenshots."},
    {"id": "board", "ja": "掲示板・SNS の公開投稿", "en": "a board or a public post",
     "advice_ja": "誰でも、いつまでも見られます。数時間で流れて見えても、検索や外部の保存で残り、消しても取り戻せません。",
     "advice_en": "Anyone can see it, for good. Even if it seems to scroll away in hours, search and outside copies keep it; deleting it does not bring it back."},
    {"id": "unknown", "ja": "分からない", "en": "I don't know",
     "advice_ja": "どこに届くか分からないなら、送らない方が安全です。",
     "advice_en": "If you do not know where it is going, it is safer not to send."},
)
SCREENSHOT_NOTE = ("どこに送っても、受け取った人はスクリーンショットや別の端末での撮影で保存できます。「自動保存しません」「保存しない」という表示や約束があっても同じです。",
                   "Wherever it goes, the person who gets it can save it with a screenshot or another device, whatever the service or the person promises.")

SAFE_NOTE = (
    "◎ は「確認した項目（顔・読める文字・書類・コード・画面・場所の手がかり・性的な内容・隠れたデータなど）で問題が見つからなかった」という意味で、"
    "安全を保証するものではありません。送った画像は保存・転送されることがあります。",
    "◎ means nothing was found in what was checked (faces, readable text, documents, codes, screens, place clues, "
    "sexual content, hidden data and so on); it is not a guarantee. A sent picture can still be saved and passed on.",
)

LIMIT_TEXT: dict[str, tuple[str, str]] = {
    "never_face": ("あなたが決めた上限「顔を写さない」を超えています。", "It crosses your own limit: never a face."),
    "never_room": ("あなたが決めた上限「部屋を写さない」を超えています。", "It crosses your own limit: never the room."),
    "max_exposure": ("あなたが決めた露出の上限を超えています。", "It goes beyond the exposure limit you set."),
}


def limit_text(limit: str) -> tuple[str, str]:
    """The sentence for a crossed performer limit (``never_face``, ``never_room``, ``max_exposure``)."""
    return LIMIT_TEXT.get(limit, ("あなたが決めた上限を超えています。", "It crosses a limit you set."))


# The help-lines block: shown after the reasons as help, never as a numbered risk.
HELP_HEADING = ("困ったときの相談先（一人で抱え込まず、信頼できる大人や窓口に相談してください）",
                "Where to get help (you do not have to deal with it alone: talk to an adult you trust or a helpline)")
