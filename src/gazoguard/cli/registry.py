"""``gazoguard registry``: a PDQ hash registry that matches uploads without ever holding the pictures.

Exit codes: ``match`` 0 = something matched, 1 = nothing matched, 2 = error;
other actions 0 = done, 2 = error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from gazoguard.cli._errors import print_error
from gazoguard.core.errors import GazoError

EXIT_OK, EXIT_NO_MATCH, EXIT_ERROR = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "registry",
        help="ハッシュ登録簿（流出画像のブロック）/ hash registry to block leaked pictures",
        description="ハッシュファイルを登録し、アップロード画像と照合します（画像そのものは受け取りません）。"
        " / Register hash files and match uploads against them (the pictures themselves are never received).",
        epilog="終了コード / exit codes (match): 0 matched, 1 no match, 2 error",
    )
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    rsub = p.add_subparsers(dest="registry_command", metavar="ACTION", required=True)

    add = rsub.add_parser("add", help="ハッシュファイルを登録 / register a hash file")
    add.add_argument("hashfile", metavar="HASHFILE")
    _registry_arg(add)
    add.add_argument("--case-no", help="事件・相談番号 / case number")
    add.add_argument("--pin-env", metavar="VAR",
                     help="取り下げ用暗証番号を入れた環境変数 / environment variable holding the withdrawal PIN")
    add.set_defaults(func=_add)

    match = rsub.add_parser("match", help="画像を照合 / match pictures")
    match.add_argument("images", nargs="+", metavar="IMAGE")
    _registry_arg(match)
    match.add_argument("--threshold", type=int, default=31, help="PDQ ハミング距離の上限 / max PDQ Hamming distance (31)")
    match.add_argument("--json", action="store_true", help="JSON Lines で出力 / print JSON Lines")
    match.set_defaults(func=_match)

    stats = rsub.add_parser("stats", help="登録状況 / statistics")
    _registry_arg(stats)
    stats.set_defaults(func=_stats)

    wd = rsub.add_parser("withdraw", help="登録を取り下げ / withdraw a registration")
    wd.add_argument("submission", metavar="REGISTRATION_ID")
    _registry_arg(wd)
    wd.add_argument("--pin-env", required=True, metavar="VAR", help="暗証番号を入れた環境変数 / env var holding the PIN")
    wd.set_defaults(func=_withdraw)

    key = rsub.add_parser("key", help="API キー（platform / operator）/ API keys for the web API")
    key.add_argument("key_action", choices=("create", "revoke"))
    key.add_argument("name", metavar="NAME", help="キーの名前（例: 取引先名）/ the key's name (e.g. the platform)")
    _registry_arg(key)
    key.add_argument("--role", choices=("platform", "operator"), default="platform",
                     help="platform: 一致と距離のみ / match and distance only; operator: 登録 ID と事件番号も / also ids and case numbers")
    key.set_defaults(func=_key)


def _key(args: argparse.Namespace) -> int:
    from gazoguard.hashes.keys import create_key, revoke_key
    from gazoguard.hashes.service import open_registry

    open_registry(args.registry, True)
    if args.key_action == "revoke":
        found = revoke_key(args.registry, args.name)
        print("取り消しました / revoked" if found else "見つかりません / no such key")
        return 0 if found else 1
    key = create_key(args.registry, args.name, args.role)
    print(f"# {args.name} ({args.role}): 一度だけ表示されます / shown once — Authorization: Bearer …", file=sys.stderr)
    print(key)
    return 0


def _registry_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--registry", required=True, metavar="DIR", help="登録簿のフォルダ / registry folder")



def _add(args: argparse.Namespace) -> int:
    from gazoguard.hashes import HashFile, Registry
    from gazoguard.hashes.service import hash_secret

    hashfile = HashFile.read(args.hashfile)
    secret_hash = hash_secret(_pin(args.pin_env)) if args.pin_env else None
    sub = Registry.open(args.registry, create=True).add(hashfile, case_no=args.case_no, secret_hash=secret_hash)
    print(f"登録しました / registered: {sub.submission_id}  画像 items {sub.items}, ハッシュ hashes {sub.hashes}"
          f"{f', 品質が低い low quality {sub.low_quality}' if sub.low_quality else ''}")
    if not secret_hash:
        print("暗証番号なし: この登録は取り下げられません / no PIN: this registration cannot be withdrawn by PIN",
              file=sys.stderr)
    return EXIT_OK


def _match(args: argparse.Namespace) -> int:
    from gazoguard.hashes import Registry
    from gazoguard.hashes.compute import query_hashes
    from gazoguard.cli._paths import iter_image_paths
    from gazoguard.imaging.picture import load_picture

    registry = Registry.open(args.registry)
    any_match, any_error = False, False
    for path in iter_image_paths(args.images):
        try:
            hashes = query_hashes(load_picture(path))
            quality = hashes[0][1]
            matches = registry.match_any([q for q, _ in hashes], args.threshold)
        except GazoError as err:
            if err.code == "bad_threshold":
                raise
            any_error = True
            print_error(err, args.lang, prefix=f"{path}: ")
            continue
        any_match |= bool(matches)
        if args.json:
            print(json.dumps({"path": str(path), "quality": quality, "matches": [m.to_dict() for m in matches]},
                             ensure_ascii=False))
            continue
        low = "  ⚠ 品質が低い / low quality" if quality < 50 else ""
        if not matches:
            print(f"{path}\t一致なし / no match{low}")
        for m in matches:
            print(f"{path}\t一致 / MATCH\t{m.submission_id}\tcase={m.case_no or '-'}\titem={m.item}"
                  f"\tvariant={m.variant}\tdistance={m.distance}{low}")
    if any_match:
        return EXIT_OK
    return EXIT_ERROR if any_error else EXIT_NO_MATCH


def _stats(args: argparse.Namespace) -> int:
    from gazoguard.hashes import Registry

    print(json.dumps(Registry.open(args.registry).stats(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _withdraw(args: argparse.Namespace) -> int:
    from gazoguard.hashes.service import withdraw

    removed = withdraw(args.registry, args.submission, _pin(args.pin_env))
    print(f"取り下げました（ハッシュ {removed} 件を消去）/ withdrawn ({removed} hashes erased)")
    return EXIT_OK


def _pin(var: str) -> str:
    value = os.environ.get(var)
    if not value:
        raise GazoError("weak_secret", min=6)
    return value

