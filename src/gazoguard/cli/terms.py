"""``gazoguard terms``: read a service's terms / privacy text and show safe-leaning, danger-leaning and missing signals.

Exit codes: 0 = no danger-leaning signal; 1 = at least one danger-leaning or
missing signal; 2 = usage error; 3 = the file could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_CLEAR, EXIT_RISKY, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
_MARKS = {"safe": "◎", "danger": "×", "missing": "？"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "terms",
        help="利用規約・プライバシーポリシーを確認 / check a service's terms or privacy text",
        description="年齢制限・禁止事項・通報機能・画像の保存と削除・AI学習・保存期間・第三者提供を確認します。/ Checks age limit, prohibited content, report/block, image storage, training use, retention and third-party sharing.",
        epilog="終了コード / exit codes: 0 all safe-leaning, 1 something danger-leaning or missing, 2 usage, 3 unreadable file",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="規約のテキストファイル（- で標準入力）/ terms text file (- for stdin)")
    p.add_argument("--text", help="規約のテキストを直接渡す / the terms text itself")
    p.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.terms import check_terms

    if args.text is not None:
        text = args.text
    elif args.file == "-":
        text = sys.stdin.read()
    elif args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"エラー: ファイルを読み込めません / error: cannot read the file ({type(exc).__name__})", file=sys.stderr)
            return EXIT_UNREADABLE
    else:
        print("FILE か --text を指定してください / give FILE or --text", file=sys.stderr)
        return EXIT_USAGE
    result = check_terms(text)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(format_result(result, args.lang))
    return EXIT_CLEAR if all(s.outcome == "safe" for s in result.signals) else EXIT_RISKY


def format_result(result, lang: str = "ja") -> str:  # result: TermsResult
    ja = lang == "ja"
    lines = [result.verdict()[0 if ja else 1]]
    for s in result.signals:
        d = s.to_dict()
        name = f"{s.name_ja} / {s.name_en}" if ja else s.name_en
        outcome = d["outcome_ja"] if ja else d["outcome_en"]
        if s.vague:
            outcome += "（あいまい）" if ja else " (vague)"
        lines.append(f"{_MARKS[s.outcome]} {name}: {outcome}")
        if s.outcome != "safe" and s.why_ja:
            lines.append(f"    → {s.why_ja if ja else s.why_en}")
        for e in s.evidence[:3]:
            lines.append(f"    「{e.sentence}」")
    return "\n".join(lines)
