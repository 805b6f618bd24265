"""Conversation risk check: the acts in a chat that come before harm (threats, demands, luring, grooming …).

``check_conversation(text_or_messages)`` returns a :class:`ConversationResult`
(the acts found, per-message findings with evidence spans, the conversation's
level, advice and the playbooks to show); ``check_screenshots(paths)`` reads
chat screenshots with the engine's OCR first.
"""

from __future__ import annotations

from gazoguard.talk.conversation import check_conversation
from gazoguard.talk.frames import load_lexicon
from gazoguard.talk.messages import Message, parse_chat_text
from gazoguard.talk.patterns import load_patterns
from gazoguard.talk.results import ConversationResult, Hit, MessageResult

__all__ = [
    "ConversationResult",
    "Hit",
    "Message",
    "MessageResult",
    "check_conversation",
    "check_screenshots",
    "load_lexicon",
    "load_patterns",
    "parse_chat_text",
]


def check_screenshots(paths: list[str], *, ocr=None) -> ConversationResult:  # noqa: ANN001 - OcrPerception
    """Read chat screenshots (in order) with OCR and check the messages as one conversation."""
    from gazoguard.talk.screenshot import messages_from_screenshots

    messages = messages_from_screenshots(paths, ocr=ocr)
    return check_conversation(messages, sources=tuple(str(p) for p in paths))
