"""Acts and cues of one message: the act frames (talk/acts.toml) plus the older named patterns as a second signal.

Each act is reported once per message, with the span of the first frame that
found it (the evidence).  The older patterns (``talk/patterns/*.toml``) map
onto acts (``LEGACY_ACTS``); they add recall on wording they were written for.
"""

from __future__ import annotations

import re

from gazoguard.talk.fold import FoldedText
from gazoguard.talk.frames import Lexicon, load_lexicon
from gazoguard.talk.messages import Message
from gazoguard.talk.normalize import loose, loose_pattern
from gazoguard.talk.patterns import PatternSet, load_patterns
from gazoguard.talk.results import Hit, MessageResult

#: old pattern label (or pattern id) → act
LEGACY_ACTS: dict[str, str | None] = {
    "threat": "threat_spread",
    "extortion": "money_demand",
    "extortion.unless_you_ja": None,  # 「拡散されたくなかったら…」: the threat frames have it; the demand is its own act
    "extortion.more_pictures_ja": "picture_request",
    "luring": "move_platform",
    "sexual_request": "picture_request",
    "pressure": "pressure",
    "pressure.secrecy_ja": "secrecy",
    "minor_sign": "age_claim",
    "payment_request": "money_demand",
}


def detect_message(message: Message, lexicon: Lexicon | None = None, patterns: PatternSet | None = None) -> MessageResult:
    """Every act found in ``message`` (one hit per act) and the internal cues."""
    lexicon = lexicon or load_lexicon()
    patterns = patterns or load_patterns()
    folded = FoldedText.of(message.text)
    text = loose(message.text, folded)
    hits: dict[str, Hit] = {}
    for act in lexicon.acts.values():
        for frame in act.frames:  # the first frame that needs nothing else wins; a gated one only if none does
            if act.name in hits and (frame.needs or frame.needs_minor):
                continue
            span = frame.search(text)
            if span is not None:
                hits[act.name] = _hit(act.name, frame.id, span, message.text, act.explain_ja, act.explain_en)
                if not (frame.needs or frame.needs_minor):
                    break
    cues = {name for name, frames in lexicon.cues.items() if any(f.search(text) for f in frames)}
    _add_legacy(folded, hits, cues, lexicon, patterns)
    _held_not_asked(text, hits)
    return MessageResult(message, tuple(hits.values()), frozenset(cues))


def _add_legacy(folded: FoldedText, hits: dict[str, Hit], cues: set[str], lexicon: Lexicon, patterns: PatternSet) -> None:
    original = folded.original
    for label in patterns.labels.values():
        if not label.report:
            continue
        for pattern in label.patterns:
            act = LEGACY_ACTS[pattern.id] if pattern.id in LEGACY_ACTS else LEGACY_ACTS.get(label.name)
            if act is None or act in hits or _vetoed(act, hits, cues):
                continue
            span = pattern.search(folded)
            if span is not None:
                info = lexicon.acts[act]
                hits[act] = _hit(act, pattern.id, span, original, info.explain_ja, info.explain_en)


_ASKING = re.compile(loose_pattern(r"(送って|おくって|送れ|おくれ|見せて|みせて|見せろ|ちょうだい|よこせ|撮って|撮れ|撮ってこい|もっと|追加|もう(1|一)枚|あと\d+枚|(?<![a-z])(send|show|give) (me|more)(?![a-z]))"), re.IGNORECASE)


def _held_not_asked(text: FoldedText, hits: dict[str, Hit]) -> None:
    """「お前の裸の写真、親に送るからな」 is a threat about a picture held, not a request for one."""
    if "picture_request" in hits and (hits.keys() & {"threat_spread", "claims_to_hold"}) and not _ASKING.search(text.folded):
        del hits["picture_request"]


def _vetoed(act: str, hits: dict[str, Hit], cues: set[str]) -> bool:
    """Where the frames know better than the older patterns."""
    if act == "threat_spread" and "benign_share" in cues:
        return True  # 「写真グループに流しておいたよ！」 is friends sharing, not a threat
    if act == "money_demand" and ("ordinary_payment" in cues or "offer_to_minor" in hits):
        return True  # splitting a bill; "I'll send you $50" is an offer
    if act == "age_claim" and "age_probe" in hits:
        return True  # 「中学生なの？」 asks, it does not claim
    if act == "threat_spread" and ("claims_to_hold" in hits or "deadline" in hits):
        return True  # "i have your followers", "you have 24 hours": a claim, a deadline
    return act == "pressure" and ("secrecy" in hits or "money_demand" in hits)  # "our secret"; "pay and i delete it"


def _hit(act: str, frame: str, span: tuple[int, int], original: str, ja: str, en: str) -> Hit:
    return Hit(act, frame, span[0], span[1], original[span[0] : span[1]], "strong", ja, en)
