"""``gazoguard playbook [NAME]``: what to do now, step by step (Japanese first, English beside)."""

from __future__ import annotations

import argparse
import json
import sys

from gazoguard.core.errors import GazoError

EXIT_OK, EXIT_USAGE = 0, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "playbook",
        help="今すぐできること（手順）を表示 / show what to do now",
        description="状況別の手順: about_to_send（送る前）, own_rules（自分ルール）, already_sent（送ってしまった）, threatened（脅されている）, forwarded（広められた）, parent_before（保護者・起きる前に）, parent（保護者・起きたとき）。/ Step-by-step guidance by situation.",
    )
    p.add_argument("name", nargs="?", help="手順の名前（省略で一覧）/ playbook name (omit to list all)")
    p.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard import playbooks

    try:
        books = [playbooks.get(args.name)] if args.name else playbooks.all()
    except GazoError as err:
        print(f"エラー: {err.message_ja} / {err.message_en}" if args.lang == "ja" else f"error: {err.message_en}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        payload = books[0].to_dict() if args.name else [b.to_dict() for b in books]
        print(json.dumps(payload, ensure_ascii=False))
    elif args.name:
        print(playbooks.format_playbook(books[0], args.lang))
    else:
        for b in books:
            title = f"{b.title_ja} / {b.title_en}" if args.lang == "ja" else b.title_en
            print(f"{b.name:14} {title}")
    return EXIT_OK
