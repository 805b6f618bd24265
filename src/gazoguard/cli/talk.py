"""``gazoguard talk``: check a chat (exported text, pasted text or screenshots) for patterns that come before harm.

Exit codes: 0 = safe or caution; 1 = danger or block; 2 = usage error;
3 = an input could not be read; 4 = ``--save-evidence`` failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from gazoguard.core.errors import GazoError

EXIT_CLEAR, EXIT_RISKY, EXIT_USAGE, EXIT_UNREADABLE, EXIT_EVIDENCE = 0, 1, 2, 3, 4
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "talk",
        help="会話の危険なパターンを確認 / check a chat for risky patterns",
        description=(
            "チャットの書き出しテキスト・貼り付けたテキスト・スクリーンショットから、脅し・性的脅迫・別アプリへの誘導・"
            "グルーミングなどのパターンを探します。/ Finds threats, sextortion, luring, grooming and pressure in chat text or screenshots."
        ),
        epilog="終了コード / exit codes: 0 safe/caution, 1 danger/block, 2 usage, 3 unreadable input, 4 evidence not saved",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="会話のテキストまたはスクリーンショット / chat text files or screenshots")
    p.add_argument("--text", help="会話のテキストを直接渡す / the chat text itself")
    p.add_argument("--me", help="書き出しテキストでの自分の名前 / your own name in an exported chat")
    p.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    p.add_argument("--save-evidence", metavar="LOCKER", help="入力と結果を証拠ロッカーに保存 / put the inputs and findings into an evidence locker")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.talk import check_conversation, parse_chat_text
    from gazoguard.talk.screenshot import messages_from_screenshots

    if not args.files and args.text is None:
        print("FILE か --text を指定してください / give FILE(s) or --text", file=sys.stderr)
        return EXIT_USAGE
    try:
        images = [f for f in args.files if Path(f).suffix.lower() in IMAGE_SUFFIXES]
        texts = [f for f in args.files if f not in images]
        messages = []
        for path in texts:
            messages += parse_chat_text(_read_text(path), me=args.me, source=Path(path).name)
        if args.text is not None:
            messages += parse_chat_text(args.text, me=args.me, source="--text")
        if images:
            messages += messages_from_screenshots(images)
        result = check_conversation(messages, sources=tuple(args.files))
    except GazoError as err:
        _print_error(err, args)
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(format_result(result, args.lang))
    if args.save_evidence:
        if not _save_evidence(args, result):
            return EXIT_EVIDENCE
    return EXIT_RISKY if result.level.rank >= 2 else EXIT_CLEAR


def _read_text(path: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise GazoError("not_found")
    try:
        data = p.read_bytes()
    except OSError:
        raise GazoError("unreadable") from None
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GazoError("unsupported_input", detail="テキストの文字コードを判別できません / unknown text encoding")


def format_result(result, lang: str = "ja") -> str:  # result: ConversationResult
    """The conversation's level in a conversation's words, reasons, advice, findings with evidence, the playbook."""
    from gazoguard.talk.frames import load_lexicon

    ja = lang == "ja"
    both = lambda a, b: f"{a} / {b}" if ja else b  # noqa: E731
    name_ja, name_en = result.level_name
    lines = [f"{result.level.mark} この会話: {name_ja} / This conversation: {name_en}" if ja else f"{result.level.mark} This conversation: {name_en}"]
    if result.notice:
        lines.append("  ※ " + both(*result.notice))
    for reason in result.reasons:
        lines.append("  - " + both(reason.ja, reason.en))
    for advice in result.advice:
        lines.append("  ▶ " + both(advice.ja, advice.en))
    acts = load_lexicon().acts
    for m in result.messages:
        if not m.hits:
            continue
        who = m.message.speaker or "?"
        lines.append(f"  #{m.message.index + 1} [{who}] {m.message.text}")
        for h in m.hits:
            info = acts.get(h.label)
            label = (info.name_ja if ja else info.name_en) if info else h.label
            lines.append(f"     {'▶' if h.counted else '·'} {label}: 「{h.evidence}」")
            if h.counted:
                lines.append(f"       {h.explain_ja if ja else h.explain_en}")
            for note in h.notes:
                from gazoguard.talk.results import NOTES

                lines.append("       (" + (NOTES[note][0] if ja else NOTES[note][1]) + ")")
    if result.playbook:
        from gazoguard.playbooks import get

        book = get(result.playbook)
        title = f"{book.title_ja} / {book.title_en}" if ja else book.title_en
        lines.append(("  次にすること: " if ja else "  what to do now: ") + title + f"  (gazoguard playbook {book.name})")
    return "\n".join(lines)


def evidence_note(result) -> str:  # noqa: ANN001 - ConversationResult
    """The locker note of a talk check, in words (Japanese first, English beside it), not codes."""
    from gazoguard.talk.frames import load_lexicon

    acts = load_lexicon().acts
    counts = sorted(result.to_dict()["counts"].items(), key=lambda kv: (-kv[1], kv[0]))
    name_ja, name_en = result.level_name

    def act(code: str, ja: bool) -> str:
        info = acts.get(code)
        return (info.name_ja if ja else info.name_en) if info else code

    head_ja, head_en = f"会話の確認（gazoguard talk）: {result.level.mark} {name_ja.rstrip('。')}。", f"Conversation check: {name_en.rstrip('.')}."
    if not counts:
        return f"{head_ja} / {head_en}"
    found_ja = "、".join(f"{act(code, True)} {n} 件" for code, n in counts)
    found_en = ", ".join(f"{act(code, False)} ×{n}" for code, n in counts)
    return f"{head_ja}見つかったもの: {found_ja}。 / {head_en} Found: {found_en}."


def messages_by_input(files: list[str], messages) -> dict[str, tuple[dict, ...]]:  # noqa: ANN001
    """Each input's messages as the evidence locker keeps them: the chat's own date and time, who, the words."""
    out: dict[str, tuple[dict, ...]] = {}
    for path in files:
        name = Path(path).name
        out[path] = tuple(_stored(m) for m in messages if m.source == name or (m.source or "").startswith(name + "#"))
    return out


def _stored(message) -> dict:  # noqa: ANN001 - Message
    return {"date": message.date, "time": message.time, "speaker": message.speaker, "role": message.role,
            "text": message.text, "source": message.source}


def _save_evidence(args: argparse.Namespace, result) -> bool:  # noqa: ANN001
    if importlib.util.find_spec("gazoguard.evidence") is None:
        print(
            "証拠ロッカーはこのインストールでは使えません。gazoguard evidence add で後から追加してください。"
            " / The evidence locker is not available in this installation; add the files later with `gazoguard evidence add`.",
            file=sys.stderr,
        )
        return False
    from gazoguard.evidence import ItemDetails, Locker

    note = evidence_note(result)
    messages = [m.message for m in result.messages]
    try:
        locker = Locker.open(args.save_evidence)
        by_input = messages_by_input(list(args.files), messages)
        for path in args.files:
            locker.add_files([path], ItemDetails(note=note, messages=by_input[path] or None))
        typed = tuple(_stored(m) for m in messages if m.source == "--text")
        if args.text is not None:
            locker.add_record(ItemDetails(note=note, messages=typed or None))
    except GazoError as err:
        _print_error(err, args)
        return False
    print(f"証拠ロッカーに保存しました / saved to the evidence locker: {args.save_evidence}", file=sys.stderr)
    return True


def _print_error(err: GazoError, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps({"error": err.to_dict()}, ensure_ascii=False))
    text = f"エラー: {err.message_ja} / {err.message_en}" if args.lang == "ja" else f"error: {err.message_en}"
    print(text, file=sys.stderr)
