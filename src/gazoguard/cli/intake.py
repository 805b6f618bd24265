"""``gazoguard intake``: register an organisation's policy, issue channel API keys, print the customer notice, show the status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gazoguard.core.errors import GazoError


def register(sub: argparse._SubParsersAction) -> None:
    from gazoguard.cli._store import add_store_arguments

    p = sub.add_parser("intake", help="事業者の画像受付 / business intake gateway",
                       description="受付ポリシーの登録、チャネルの API キー発行、お客様向け案内。/ Register the intake policy, issue channel API keys, print the customer notice.")
    commands = p.add_subparsers(dest="intake_command", metavar="SUBCOMMAND", required=True)
    init = commands.add_parser("init", help="ポリシーを登録（新しい版）/ register a policy (a new version)")
    init.add_argument("--policy", type=Path, required=True)
    init.add_argument("--keys", action="store_true", help="ポリシーの全チャネルの API キーを発行 / issue API keys for every channel")
    key = commands.add_parser("channel-key", help="チャネルの API キーを発行 / issue a channel API key")
    key.add_argument("org")
    key.add_argument("channel")
    notice = commands.add_parser("notice", help="お客様向け案内を表示 / print the customer notice")
    notice.add_argument("org")
    notice.add_argument("--lang", choices=("ja", "en"), default="ja")
    status = commands.add_parser("status", help="案件数と保存期間の削除の状況 / cases and retention enforcement")
    for parser in (init, key, notice, status):
        add_store_arguments(parser)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.intake.channels import create_channel_key
    from gazoguard.cli._store import gateway_from_args
    from gazoguard.intake.notice import build_notice
    from gazoguard.intake.policies import current_policy, register_policy

    try:
        gateway = gateway_from_args(args)
        with gateway.store.session() as session:
            if args.intake_command == "init":
                version = register_policy(gateway.store, session, args.policy.read_text(encoding="utf-8"), "cli")
                print(f"ポリシーを登録しました / policy registered: {version.org_id} v{version.version} ({version.sha256[:12]})")
                if args.keys:
                    for channel in current_policy(session, version.org_id).channels:
                        print(f"{channel}\t{create_channel_key(session, version.org_id, channel)}")
            elif args.intake_command == "status":
                from gazoguard.intake.status import gateway_status
                from gazoguard.web.settings import Settings

                print("\n".join(gateway_status(gateway.store, Settings().retention_interval_s).lines()))
            elif args.intake_command == "channel-key":
                current_policy(session, args.org)
                print(create_channel_key(session, args.org, args.channel))
            else:
                print(build_notice(current_policy(session, args.org), args.lang).as_text())
        gateway.close()
    except (GazoError, OSError) as err:
        message = f"{err.message_ja}\n{err.message_en}" if isinstance(err, GazoError) else str(err)
        print(message, file=sys.stderr)
        return 1
    return 0
