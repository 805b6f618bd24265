"""The customer-facing notice generated from the policy: what to send, what not to send, and why."""

from __future__ import annotations

from dataclasses import dataclass

from gazoguard.intake.labels import label
from gazoguard.intake.policy import Policy


@dataclass(frozen=True)
class Notice:
    lang: str
    title: str
    intro: str
    send_heading: str
    send: tuple[str, ...]
    never_heading: str
    never: tuple[str, ...]
    handling: tuple[str, ...]

    def as_text(self) -> str:
        lines = [self.title, "", self.intro, "", self.send_heading, *[f"・{s}" for s in self.send], "",
                 self.never_heading, *[f"・{s}" for s in self.never], "", *self.handling]
        return "\n".join(lines)


def build_notice(policy: Policy, lang: str = "ja") -> Notice:
    ja = lang != "en"
    send = tuple(_line(k.ja if ja else k.en, k.why_ja if ja else k.why_en, ja) for k in policy.allowed)
    never = tuple(_line(k.ja if ja else k.en, k.why_ja if ja else k.why_en, ja) for k in policy.forbidden)
    days = ("、" if ja else ", ").join(
        f"{label('purpose', p, 'ja')} {d} 日" if ja else f"{label('purpose', p, 'en').lower()} {d} days" for p, d in policy.retention_days.items())
    handling = [
        (f"お送りいただいた画像は自動で確認し、用途ごとの期間（{days}）が過ぎると削除します。"
         if ja else f"Pictures are checked automatically and deleted when their period ends ({days}).")
        ,
        ("電話番号・住所・カード番号などが読み取れる画像は保存せず、隠してから送り直すようお願いします。"
         if ja else "Pictures with readable phone numbers, addresses or card numbers are not kept: we will ask you to cover them and send again."),
        (f"画像の削除はいつでも依頼できます。{policy.deletion_deadline_days} 日以内に対応し、完了報告をお渡しします。"
         if ja else f"You can ask us to delete your pictures at any time: we do it within {policy.deletion_deadline_days} days and give you a completion report."),
    ]
    ai = policy.ai_service
    if ai is not None and ai.used:
        handling.append(
            f"文字の読み取りに {ai.name} を使います。送る前に個人情報を隠します。学習への利用: {'あり' if ai.training_use else 'なし'}、保存期間: {ai.retention_days} 日。"
            if ja else f"Text is read with {ai.name}; personal details are covered first. Used for training: {'yes' if ai.training_use else 'no'}; kept for {ai.retention_days} days."
        )
    if policy.contact:
        handling.append(f"お問い合わせ: {policy.contact}" if ja else f"Contact: {policy.contact}")
    return Notice(
        lang="ja" if ja else "en",
        title=f"{policy.org_name}: 画像を送る前に" if ja else f"{policy.org_name}: before you send a picture",
        intro="お問い合わせに役立つ画像と、送らないでいただきたい画像のご案内です。" if ja else "Which pictures help us with your inquiry, and which you should not send.",
        send_heading="送っていただきたい画像" if ja else "Pictures that help",
        send=send,
        never_heading="送らないでください" if ja else "Please do not send",
        never=never,
        handling=tuple(handling),
    )


def _line(label: str, why: str, ja: bool) -> str:
    if not why:
        return label
    if not ja:
        return f"{label} ({why})"
    return f"{label} — {why}" if label.endswith("）") else f"{label}（{why}）"  # never two brackets in a row
