"""The acts of a whole conversation: who said what, in which order, and what only the whole shows.

Per message, :mod:`gazoguard.talk.detect` finds acts and cues.  Here:

* the user's own words never count against the other side (``own_words``),
  except an age claim, which counts from either side;
* quoting and reporting (「…って言われた」「こんなDM来たんだけど」, a message
  announced by a line ending in ":"), warnings, articles, school handouts and
  staff explaining a scam are talk *about* acts, not acts (``quoted``);
* a threat with a laugh between friends, with no demand or sexual request
  anywhere, is a joke (``joke``);
* asking again after the user said no is pressure (``after_refusal``);
* weak wording counts only with the acts it needs elsewhere in the
  conversation (a deadline with a demand or threat, "I won't save it" with a
  request, a claim to hold data with a threat …), and offers only where
  someone is or may be a minor (``context``);
* someone who says they are a same-age peer while asking for pictures,
  meeting or offering things is noted as impersonation.
"""

from __future__ import annotations

from typing import Any, Iterable

from gazoguard.talk.detect import detect_message
from gazoguard.talk.frames import Lexicon, load_lexicon
from gazoguard.talk.messages import Message, messages_from, parse_chat_text
from gazoguard.talk.patterns import load_patterns
from gazoguard.talk.results import EITHER_SIDE, ConversationResult, Hit, MessageResult, asks_for_info, other_acts
from gazoguard.talk.verdict import judge

EARLY_MESSAGES = 10  # a sexual request within the first N messages is "early"
REFUSAL_WINDOW = 6  # messages after a refusal in which a new request counts as pressure
REQUESTS = {"picture_request", "money_demand", "move_platform", "meet_offline"}
SERIOUS = {"picture_request", "money_demand", "threat_spread", "claims_to_hold"}

__all__ = ["ConversationResult", "Hit", "MessageResult", "check_conversation", "check_messages"]


def check_messages(messages: list[Message]) -> list[MessageResult]:
    """Acts of each message, after the conversation logic above."""
    lexicon, patterns = load_lexicon(), load_patterns()
    results = [detect_message(m, lexicon, patterns) for m in messages]
    results = _mark_quotes_and_own_words(results)
    results = _mark_jokes(results)
    results = _add_refusal_pressure(results)
    results = _apply_needs(results, lexicon)
    results = _add_peer_impersonation(results)
    return _add_request_notes(results)


def check_conversation(
    conversation: str | Iterable[Any], *, me: str | None = None, sources: tuple[str, ...] = ()
) -> ConversationResult:
    """Check chat text (or a list of messages) and return the acts, a level, advice and the playbooks."""
    messages = parse_chat_text(conversation, me=me) if isinstance(conversation, str) else messages_from(conversation, me=me)
    results = check_messages(messages)
    verdict = judge(results)
    return ConversationResult(tuple(results), verdict.level, tuple(verdict.reasons), tuple(verdict.playbooks),
                              tuple(sources), frozenset(verdict.acts), tuple(verdict.advice))


def _replace(result: MessageResult, hits: list[Hit], cues: frozenset[str] | None = None) -> MessageResult:
    return MessageResult(result.message, tuple(hits), result.cues if cues is None else cues)


def _mark_quotes_and_own_words(results: list[MessageResult]) -> list[MessageResult]:
    out: list[MessageResult] = []
    quoting_speaker: object = None
    for r in results:
        speaker = (r.message.role, r.message.speaker)
        if quoting_speaker is not None and speaker != quoting_speaker:
            quoting_speaker = None
        quoted = quoting_speaker is not None or bool(r.cues & {"quote", "warning"})
        if "quote" in r.cues and r.message.text.rstrip().endswith((":", "：", "…", "これ", "これ↓", "↓")):
            quoting_speaker = speaker
        hits = []
        for h in r.hits:
            if quoted:
                h = h.with_notes("quoted", counted=False)
            elif r.message.role == "self" and h.label not in EITHER_SIDE:
                h = h.with_notes("own_words", counted=False)
            hits.append(h)
        cues = r.cues | ({"quoted"} if quoted else set())
        out.append(_replace(r, hits, frozenset(cues)))
    return out


def _mark_jokes(results: list[MessageResult]) -> list[MessageResult]:
    """A threat said to be a joke, or laughed at by both, with no demand or sexual request anywhere."""
    acts = other_acts(results)
    if acts & {"picture_request", "money_demand"}:
        return results
    out = []
    for i, r in enumerate(results):
        reply = next((n for n in results[i + 1 :] if n.message.role == "self"), None)
        laughed_at = "joke" in r.cues and reply is not None and bool(reply.cues & {"joke", "joke_said"})
        later_said = any("joke_said" in n.cues for n in results[i : i + 3] if n.message.role == r.message.role)
        if laughed_at or later_said:
            r = _replace(r, [h.with_notes("joke", counted=False) if h.label in {"threat_spread", "claims_to_hold", "deadline"} else h for h in r.hits])
        out.append(r)
    return out


def _add_refusal_pressure(results: list[MessageResult]) -> list[MessageResult]:
    out: list[MessageResult] = []
    asked = False
    refused_at: int | None = None
    for i, r in enumerate(results):
        role = r.message.role
        if role != "self" and r.labels & REQUESTS:
            if refused_at is not None and i - refused_at <= REFUSAL_WINDOW:
                r = _with_pressure(r, span_of=next(h for h in r.hits if h.counted and h.label in REQUESTS))
            asked = True
        elif role != "self" and refused_at is not None and i - refused_at <= REFUSAL_WINDOW and "ask" in r.cues and "quoted" not in r.cues:
            r = _with_pressure(r, span_of=None)
        if role == "self" and "refusal" in r.cues and asked:
            refused_at = i
        out.append(r)
    return out


def _with_pressure(r: MessageResult, span_of: Hit | None) -> MessageResult:
    hits = list(r.hits)
    if any(h.label == "pressure" and h.counted for h in hits):
        return _replace(r, [h.with_notes("after_refusal") if h.label == "pressure" else h for h in hits])
    hits = [h for h in hits if h.label != "pressure"]
    start, end = (span_of.start, span_of.end) if span_of else (0, len(r.message.text))
    info = load_lexicon().acts["pressure"]
    hits.append(Hit("pressure", "pressure.ask_after_no", start, end, r.message.text[start:end], "strong",
                    info.explain_ja, info.explain_en, ("after_refusal",)))
    return _replace(r, hits, r.cues | {"after_refusal"})


def _frame_needs(lexicon: Lexicon, hit: Hit) -> tuple[tuple[str, ...], bool]:
    info = lexicon.acts.get(hit.label)
    if info is None or hit.pattern == "pressure.ask_after_no":
        return (), False
    for frame in info.frames:
        if frame.id == hit.pattern:
            return frame.needs, frame.needs_minor
    # an older pattern: the act's own needs when every frame of the act has some
    if all(f.needs for f in info.frames):
        return tuple(sorted({n for f in info.frames for n in f.needs})), False
    return (), all(f.needs_minor for f in info.frames)


def _apply_needs(results: list[MessageResult], lexicon: Lexicon) -> list[MessageResult]:
    gated = {(i, k): _frame_needs(lexicon, h) for i, r in enumerate(results) for k, h in enumerate(r.hits) if h.counted}
    gated = {key: need for key, need in gated.items() if need[0] or need[1]}
    free: set[str] = set()
    for i, r in enumerate(results):
        if r.message.role == "self":
            free |= {h.label for h in r.hits if h.counted and h.label in EITHER_SIDE}
            continue
        free |= {h.label for k, h in enumerate(r.hits) if h.counted and (i, k) not in gated}
        if "info_request" in r.cues and "quoted" not in r.cues:
            free.add("info_request")
    kept: set[tuple[int, int]] = set()
    gated_labels = {results[i].hits[k].label for i, k in gated}
    if {"claims_to_hold", "deadline"} <= gated_labels:  # "I recorded it all" + "24 hours": each makes the other count
        kept |= {key for key in gated if results[key[0]].hits[key[1]].label in {"claims_to_hold", "deadline"}}
    for _ in range(3):  # gated acts may enable each other (a claim to hold + a deadline + pressure)
        present = free | {results[i].hits[k].label for i, k in kept}
        minor = bool(present & {"age_claim", "age_probe"})
        for key, (needs, needs_minor) in gated.items():
            if (needs and present & set(needs)) or (needs_minor and minor):
                kept.add(key)
    out = []
    for i, r in enumerate(results):
        hits = [h.with_notes("context", counted=False) if (i, k) in gated and (i, k) not in kept else h for k, h in enumerate(r.hits)]
        out.append(_replace(r, hits))
    return out


def _add_peer_impersonation(results: list[MessageResult]) -> list[MessageResult]:
    acts = other_acts(results)
    luring_in_secret = {"meet_offline", "secrecy"} <= acts or {"move_platform", "secrecy"} <= acts
    if "impersonation" in acts or not (acts & {"picture_request", "offer_to_minor"} or luring_in_secret or asks_for_info(results)):
        return results
    out = []
    done = False
    for r in results:
        claim = next((h for h in r.hits if h.label == "age_claim" and h.counted), None)
        if not done and claim and r.message.role == "other":
            info = load_lexicon().acts["impersonation"]
            hit = Hit("impersonation", "impersonation.peer_claim", claim.start, claim.end, claim.evidence, "soft",
                      info.explain_ja, info.explain_en)
            r = _replace(r, [*r.hits, hit])
            done = True
        out.append(r)
    return out


def _add_request_notes(results: list[MessageResult]) -> list[MessageResult]:
    out = []
    age_checked = False
    for i, r in enumerate(results):
        age_checked = age_checked or bool({h.label for h in r.hits} & {"age_probe", "age_claim"})
        if r.message.role != "self" and "picture_request" in r.labels:
            notes = [n for n, on in (("early", i < EARLY_MESSAGES), ("no_age_check", not age_checked)) if on]
            r = _replace(r, [h.with_notes(*notes) if h.label == "picture_request" else h for h in r.hits])
        out.append(r)
    return out
