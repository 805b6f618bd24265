"""Result types of the conversation check, shared by detection, conversation logic and verdict.

A :class:`Hit` is one act found in one message with the span of the original
text that shows it (the evidence); a :class:`MessageResult` holds the hits of
a message; a :class:`ConversationResult` the level of the whole conversation,
the reasons for it, the advice for the act and the person, and the playbooks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gazoguard.core.levels import Level
from gazoguard.talk.messages import Message

NOTES = {
    "early": ("会話の序盤での要求です。", "Asked very early in the conversation."),
    "no_age_check": ("年齢の確認がないまま求めています。", "Asked with no age check at all."),
    "after_refusal": ("断られた後にまた頼んでいます。", "Asked again after a no."),
    "quoted": ("引用・相談・注意喚起の中の言葉なので、この会話の相手の行為としては数えていません。",
               "Quoted, reported or warned about: not counted as this person's own act."),
    "joke": ("友だち同士の冗談と読めるため、数えていません。", "Reads as a joke between friends: not counted."),
    "own_words": ("あなた自身の言葉なので、危険度には数えていません。", "Your own words: they do not raise the level."),
    "context": ("ほかの危険なサインがないため、数えていません。", "No other warning sign with it: not counted."),
}

EITHER_SIDE = {"age_claim"}  # acts that count whoever says them

#: what the level means for a conversation (not for a picture: "must not send" is a picture's word)
CONVERSATION_LEVEL = {
    Level.SAFE: ("知られている危険なサインは見つかりませんでした", "No known warning sign found"),
    Level.CAUTION: ("注意が必要な会話です", "A conversation to be careful with"),
    Level.DANGER: ("危険な会話です", "A dangerous conversation"),
    Level.BLOCK: ("犯罪のおそれが高い会話です。今すぐやり取りを止めて相談してください", "Very likely a crime: stop replying and get help now"),
}

SAFE_NOTICE = (
    "「安全」は、知られている危険なサインが見つからなかったという意味で、相手が安全だという保証ではありません。"
    "少しでも不安なら、送らずに信頼できる人に相談してください。",
    "\"Safe\" means no known warning sign was found. It is not a guarantee that this person is safe. "
    "If anything feels wrong, do not send, and talk to someone you trust.",
)


@dataclass(frozen=True)
class Hit:
    label: str  # the act (picture_request, threat_spread, …)
    pattern: str  # the frame or pattern that found it
    start: int
    end: int
    evidence: str
    strength: str
    explain_ja: str
    explain_en: str
    notes: tuple[str, ...] = ()
    counted: bool = True  # False when quoted, joked, or the user's own words

    def with_notes(self, *notes: str, counted: bool | None = None) -> Hit:
        merged = self.notes + tuple(n for n in notes if n not in self.notes)
        return Hit(self.label, self.pattern, self.start, self.end, self.evidence, self.strength,
                   self.explain_ja, self.explain_en, merged, self.counted if counted is None else counted)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "act": self.label,
            "pattern": self.pattern,
            "span": [self.start, self.end],
            "evidence": self.evidence,
            "strength": self.strength,
            "counted": self.counted,
            "explain_ja": self.explain_ja,
            "explain_en": self.explain_en,
            "notes": [{"code": n, "ja": NOTES[n][0], "en": NOTES[n][1]} for n in self.notes],
        }


@dataclass(frozen=True)
class MessageResult:
    message: Message
    hits: tuple[Hit, ...]
    cues: frozenset[str] = frozenset()  # internal cues (refusal, ask, quote, joke, warning, …)

    @property
    def labels(self) -> set[str]:
        """Acts counted in this message."""
        return {h.label for h in self.hits if h.counted}

    def to_dict(self) -> dict[str, Any]:
        return {**self.message.to_dict(), "findings": [h.to_dict() for h in self.hits]}


@dataclass(frozen=True)
class Reason:
    code: str
    level: Level
    ja: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "level": self.level.value, "ja": self.ja, "en": self.en}


@dataclass(frozen=True)
class Advice:
    code: str
    ja: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "ja": self.ja, "en": self.en}


@dataclass(frozen=True)
class ConversationResult:
    messages: tuple[MessageResult, ...]
    level: Level
    reasons: tuple[Reason, ...]
    playbooks: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default_factory=tuple)
    acts: frozenset[str] = frozenset()
    advice: tuple[Advice, ...] = ()

    @property
    def playbook(self) -> str | None:
        return self.playbooks[0] if self.playbooks else None

    @property
    def hits(self) -> list[tuple[MessageResult, Hit]]:
        return [(m, h) for m in self.messages for h in m.hits]

    @property
    def level_name(self) -> tuple[str, str]:
        return CONVERSATION_LEVEL[self.level]

    @property
    def notice(self) -> tuple[str, str] | None:
        """The not-a-guarantee line every safe result carries."""
        return SAFE_NOTICE if self.level is Level.SAFE else None

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for _, hit in self.hits:
            if hit.counted:
                counts[hit.label] = counts.get(hit.label, 0) + 1
        notice = self.notice
        return {
            "format": "gazoguard.talk/2",
            "level": self.level.value,
            "level_ja": self.level_name[0],
            "level_en": self.level_name[1],
            "notice_ja": notice[0] if notice else None,
            "notice_en": notice[1] if notice else None,
            "acts": sorted(self.acts),
            "reasons": [r.to_dict() for r in self.reasons],
            "advice": [a.to_dict() for a in self.advice],
            "playbook": self.playbook,
            "playbooks": list(self.playbooks),
            "counts": counts,
            "sources": list(self.sources),
            "messages": [m.to_dict() for m in self.messages],
        }


def other_acts(results: list[MessageResult]) -> set[str]:
    """Acts counted for the other side (and age claims from anyone)."""
    acts: set[str] = set()
    for r in results:
        acts |= r.labels if r.message.role != "self" else r.labels & EITHER_SIDE
    return acts


def asks_for_info(results: list[MessageResult]) -> bool:
    """The other side asks for personal data (ID card, real name, school, password …), not quoting."""
    return any("info_request" in r.cues and "quoted" not in r.cues for r in results if r.message.role != "self")
