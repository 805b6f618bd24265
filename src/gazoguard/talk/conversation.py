"""Per-message pattern hits plus the cues only a whole conversation shows.

Conversation cues added here:

* asking again after a no: once the user refused a sexual request, a later
  plain request from the other side ("いいじゃん、お願い") is pressure;
* a sexual request early in the conversation, or with no age question or
  age statement before it, carries a note saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from gazoguard.core.levels import Level
from gazoguard.talk.fold import FoldedText
from gazoguard.talk.messages import Message, messages_from, parse_chat_text
from gazoguard.talk.patterns import PatternSet, load_patterns

EARLY_MESSAGES = 10  # a sexual request within the first N messages is "early"
REFUSAL_WINDOW = 6  # messages after a refusal in which a new request counts as pressure

_NOTES = {
    "early": ("会話の序盤での要求です。", "Asked very early in the conversation."),
    "no_age_check": ("年齢の確認がないまま求めています。", "Asked with no age check at all."),
    "after_refusal": ("断られた後にまた頼んでいます。", "Asked again after a no."),
}


@dataclass(frozen=True)
class Hit:
    label: str
    pattern: str
    start: int
    end: int
    evidence: str
    strength: str
    explain_ja: str
    explain_en: str
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "pattern": self.pattern,
            "span": [self.start, self.end],
            "evidence": self.evidence,
            "strength": self.strength,
            "explain_ja": self.explain_ja,
            "explain_en": self.explain_en,
            "notes": [{"code": n, "ja": _NOTES[n][0], "en": _NOTES[n][1]} for n in self.notes],
        }


@dataclass(frozen=True)
class MessageResult:
    message: Message
    hits: tuple[Hit, ...]
    cues: frozenset[str] = frozenset()  # internal labels (refusal, age_check, ask)

    @property
    def labels(self) -> set[str]:
        return {h.label for h in self.hits}

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
class ConversationResult:
    messages: tuple[MessageResult, ...]
    level: Level
    reasons: tuple[Reason, ...]
    playbooks: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default_factory=tuple)

    @property
    def playbook(self) -> str | None:
        return self.playbooks[0] if self.playbooks else None

    @property
    def hits(self) -> list[tuple[MessageResult, Hit]]:
        return [(m, h) for m in self.messages for h in m.hits]

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for _, hit in self.hits:
            counts[hit.label] = counts.get(hit.label, 0) + 1
        return {
            "format": "gazoguard.talk/1",
            "level": self.level.value,
            "level_ja": self.level.ja,
            "level_en": self.level.en,
            "reasons": [r.to_dict() for r in self.reasons],
            "playbook": self.playbook,
            "playbooks": list(self.playbooks),
            "counts": counts,
            "sources": list(self.sources),
            "messages": [m.to_dict() for m in self.messages],
        }


def match_message(message: Message, patterns: PatternSet) -> MessageResult:
    text = FoldedText.of(message.text)
    hits: list[Hit] = []
    cues: set[str] = set()
    for label in patterns.labels.values():
        for pattern in label.patterns:
            span = pattern.search(text)
            if span is None:
                continue
            if not label.report:
                cues.add(label.name)
                break
            hits.append(
                Hit(label.name, pattern.id, span[0], span[1], message.text[span[0] : span[1]],
                    pattern.strength, pattern.explain_ja, pattern.explain_en)
            )
            break  # one hit per label and message: the first pattern that matches
    return MessageResult(message, tuple(hits), frozenset(cues))


def check_messages(messages: list[Message], patterns: PatternSet | None = None) -> list[MessageResult]:
    """Pattern hits for each message, with the conversation cues added."""
    patterns = patterns or load_patterns()
    results = [match_message(m, patterns) for m in messages]
    return _add_conversation_cues(results, patterns)


def check_conversation(
    conversation: str | Iterable[Any], *, me: str | None = None, sources: tuple[str, ...] = ()
) -> ConversationResult:
    """Check chat text (or a list of messages) and return hits, a level and the playbooks to show."""
    from gazoguard.talk.verdict import judge

    messages = parse_chat_text(conversation, me=me) if isinstance(conversation, str) else messages_from(conversation, me=me)
    results = check_messages(messages)
    level, reasons, playbooks = judge(results)
    return ConversationResult(tuple(results), level, tuple(reasons), tuple(playbooks), tuple(sources))


def _add_conversation_cues(results: list[MessageResult], patterns: PatternSet) -> list[MessageResult]:
    out: list[MessageResult] = []
    age_checked = False
    asked_at: int | None = None
    refused_at: int | None = None
    for i, result in enumerate(results):
        role = result.message.role
        hits = list(result.hits)
        age_checked = age_checked or "age_check" in result.cues or "minor_sign" in result.labels
        if role != "other" and "refusal" in result.cues and asked_at is not None:
            refused_at = i
        if role != "self":
            if "sexual_request" in result.labels:
                notes = tuple(n for n, on in (("early", i < EARLY_MESSAGES), ("no_age_check", not age_checked)) if on)
                hits = [_with_notes(h, notes) if h.label == "sexual_request" else h for h in hits]
                asked_at = i
            elif _asks_again(result, i, refused_at):
                hits = _add_ask_after_no(result, hits, patterns)
        out.append(MessageResult(result.message, tuple(hits), result.cues))
    return out


def _asks_again(result: MessageResult, index: int, refused_at: int | None) -> bool:
    """A plain request soon after a refusal; threats and demands are reported as such instead."""
    if refused_at is None or index - refused_at > REFUSAL_WINDOW or "ask" not in result.cues:
        return False
    return not result.labels & {"threat", "extortion"}


def _with_notes(hit: Hit, notes: tuple[str, ...]) -> Hit:
    return Hit(hit.label, hit.pattern, hit.start, hit.end, hit.evidence, hit.strength, hit.explain_ja, hit.explain_en, notes)


def _add_ask_after_no(result: MessageResult, hits: list[Hit], patterns: PatternSet) -> list[Hit]:
    if any(h.label == "pressure" for h in hits):
        return [_with_notes(h, h.notes + ("after_refusal",)) if h.label == "pressure" else h for h in hits]
    text = FoldedText.of(result.message.text)
    span = next((s for p in patterns.labels["ask"].patterns if (s := p.search(text))), (0, len(result.message.text)))
    pressure = patterns.labels["pressure"]
    hits.append(
        Hit("pressure", "pressure.ask_after_no", span[0], span[1], result.message.text[span[0] : span[1]],
            "strong", pressure.explain_ja, pressure.explain_en, ("after_refusal",))
    )
    return hits
