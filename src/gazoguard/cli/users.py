"""``gazoguard users create NAME --role staff|admin|auditor``: console users (password from stdin or a prompt)."""

from __future__ import annotations

import argparse
import getpass
import sys

from gazoguard.core.errors import GazoError


def register(sub: argparse._SubParsersAction) -> None:
    from gazoguard.cli._store import add_store_arguments

    p = sub.add_parser("users", help="コンソールの利用者 / console users",
                       description="受付コンソールの利用者を作成します。/ Create intake console users.")
    commands = p.add_subparsers(dest="users_command", metavar="SUBCOMMAND", required=True)
    create = commands.add_parser("create", help="利用者を作成 / create a user")
    create.add_argument("username")
    create.add_argument("--role", choices=("staff", "admin", "auditor"), required=True)
    create.add_argument("--org", default=None, help="組織 ID（省略: 全組織）/ organisation id (default: all)")
    create.add_argument("--password-stdin", action="store_true", help="パスワードを標準入力から / read the password from stdin")
    add_store_arguments(create)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.auth.users import create_user
    from gazoguard.cli._store import gateway_from_args
    from gazoguard.store import audit

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("パスワード / password: ")
    gateway = gateway_from_args(args)
    try:
        with gateway.store.session() as session:
            user = create_user(session, args.username, password, args.role, args.org)
            audit.append(gateway.store, session, "cli", "user_create", f"user:{user.username}", org_id=user.org_id,
                         role=user.role, org=user.org_id)
    except GazoError as err:
        print(f"{err.message_ja}\n{err.message_en}", file=sys.stderr)
        return 1
    finally:
        gateway.close()
    print(f"作成しました / created: {args.username} ({args.role})")
    return 0
