"""``gazoguard audit verify``: exit 0 only when the hash-chained audit log is intact and matches its signed
checkpoints; ``gazoguard audit export-head``: the newest signed checkpoint (count, head hash, public key) to keep
elsewhere and pass back with ``verify --expect``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    from gazoguard.cli._store import add_store_arguments

    p = sub.add_parser("audit", help="監査ログ / audit log",
                       description="監査ログのハッシュチェーンを検証します。/ Verify the audit log's hash chain.")
    commands = p.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    verify = commands.add_parser("verify", help="改ざんを検出 / detect tampering (exit 0 only when intact)")
    add_store_arguments(verify)
    verify.add_argument("--expect", type=Path, action="append", default=[], metavar="HEAD.json",
                        help="export-head で保存した先頭情報と照合 / also check a head saved with export-head")
    export = commands.add_parser("export-head", help="署名付きの件数と先頭ハッシュを書き出す / write the signed count and head")
    add_store_arguments(export)
    export.add_argument("-o", "--output", type=Path, default=None, help="出力先（既定: 標準出力）/ output file (default stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return _export(args) if args.audit_command == "export-head" else _verify(args)


def _verify(args: argparse.Namespace) -> int:
    from cryptography.exceptions import InvalidSignature

    from gazoguard.cli._store import gateway_from_args
    from gazoguard.store import audit
    from gazoguard.store.anchor import exported_checkpoint
    from gazoguard.store.models import AuditEntry

    try:
        expected = [exported_checkpoint(json.loads(path.read_text(encoding="utf-8"))) for path in args.expect]
    except (OSError, ValueError, KeyError, TypeError, InvalidSignature) as err:
        print(f"先頭情報を読めません / cannot read the expected head: {err or 'bad signature'}", file=sys.stderr)
        return 2
    gateway = gateway_from_args(args, purge_on_open=False)  # reading the log changes nothing
    with gateway.store.session() as session:
        breaks = audit.verify(session, gateway.store.anchor, expected)
        count = session.query(AuditEntry).count()
    newest = gateway.store.anchor.read().newest if gateway.store.anchor else None
    gateway.close()
    if not breaks:
        anchored = f"、署名付きチェックポイント #{newest.seq} と一致 / matches signed checkpoint #{newest.seq}" if newest else ""
        print(f"監査ログは完全です（{count} 件）/ the audit log is intact ({count} entries){anchored}")
        return 0
    for item in breaks:
        ja, en = item.describe()
        print(f"改ざんを検出 / TAMPERED: {ja} / {en}", file=sys.stderr)
    return 1


def _export(args: argparse.Namespace) -> int:
    from gazoguard.cli._store import gateway_from_args

    gateway = gateway_from_args(args, purge_on_open=False)  # reading the log changes nothing
    head = gateway.store.anchor.export() if gateway.store.anchor else None
    gateway.close()
    if head is None:
        print("チェックポイントがまだありません / no checkpoint yet", file=sys.stderr)
        return 2
    text = json.dumps(head, indent=2) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
