"""Conversation risk check: patterns in chat text that come before harm.

``check_conversation(text_or_messages)`` returns a :class:`ConversationResult`
(per-message hits with evidence spans, a level on the usual scale and the
playbooks to show); ``check_screenshots(paths)`` reads chat screenshots with
the engine's OCR first.
"""

from __future__ import annotations

from gazoguard.talk.conversation import ConversationResult, Hit, MessageResult, check_conversation
from gazoguard.talk.messages import Message, parse_chat_text
from gazoguard.talk.patterns import load_patterns

__all__ = [
    "ConversationResult",
    "Hit",
    "Message",
    "MessageResult",
    "check_conversation",
    "check_screenshots",
    "load_patterns",
    "parse_chat_text",
]


def check_screenshots(paths: list[str], *, ocr=None) -> ConversationResult:  # noqa: ANN001 - OcrPerception
    """Read chat screenshots (in order) with OCR and check the messages as one conversation."""
    from gazoguard.talk.screenshot import messages_from_screenshots

    messages = messages_from_screenshots(paths, ocr=ocr)
    return check_conversation(messages, sources=tuple(str(p) for p in paths))
