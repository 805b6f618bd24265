"""``gazoguard retention purge [--dry-run]``: delete every case whose retention period has ended."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from gazoguard.cli._store import add_store_arguments

    p = sub.add_parser("retention", help="保存期間の管理 / retention",
                       description="保存期間を過ぎた案件を削除します（ファイルと記録）。/ Delete cases past their retention (files and rows).")
    commands = p.add_subparsers(dest="retention_command", metavar="SUBCOMMAND", required=True)
    purge = commands.add_parser("purge", help="期限切れを削除 / delete expired cases")
    purge.add_argument("--dry-run", action="store_true", help="削除せずに一覧だけ / list only, delete nothing")
    add_store_arguments(purge)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.cli._store import gateway_from_args
    from gazoguard.intake.retention import purge_expired

    gateway = gateway_from_args(args, purge_on_open=False)  # this command is the purge (or its dry run)
    done = purge_expired(gateway.store, gateway.vault, dry_run=args.dry_run)
    gateway.close()
    verb = "削除予定 / would delete" if args.dry_run else "削除しました / deleted"
    for item in done:
        print(f"{verb}: case {item.case_public_id} ({item.purpose}): {item.files} files, {item.rows} rows")
    print(f"{len(done)} 件 / cases")
    return 0
