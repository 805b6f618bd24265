"""``gazoguard audit verify``: exit 0 only when the hash-chained audit log is intact."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    from gazoguard.cli._store import add_store_arguments

    p = sub.add_parser("audit", help="監査ログ / audit log",
                       description="監査ログのハッシュチェーンを検証します。/ Verify the audit log's hash chain.")
    commands = p.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    verify = commands.add_parser("verify", help="改ざんを検出 / detect tampering (exit 0 only when intact)")
    add_store_arguments(verify)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.cli._store import gateway_from_args
    from gazoguard.store import audit
    from gazoguard.store.models import AuditEntry

    gateway = gateway_from_args(args, purge_on_open=False)  # verifying changes nothing
    with gateway.store.session() as session:
        breaks = audit.verify(session)
        count = session.query(AuditEntry).count()
    gateway.close()
    if not breaks:
        print(f"監査ログは完全です（{count} 件）/ the audit log is intact ({count} entries)")
        return 0
    for item in breaks:
        ja, en = item.describe()
        print(f"改ざんを検出 / TAMPERED: {ja} / {en}", file=sys.stderr)
    return 1
