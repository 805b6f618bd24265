"""``gazoguard evidence``: keep evidence of leaks and threats in a verifiable locker.

Exit codes: 0 = done / intact; 1 = verify found a change; 2 = usage or an
error (missing locker, unreadable file, damaged ZIP); 3 = verify was given a
malformed locker or bundle (not as gazoguard writes one: wrong types, names or
sizes beyond the limits) — nothing in it could be checked.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from gazoguard.cli._errors import print_error

EXIT_OK, EXIT_BROKEN, EXIT_ERROR, EXIT_MALFORMED = 0, 1, 2, 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evidence",
        help="被害の証拠を改ざん検知つきで保存 / keep tamper-evident evidence",
        description="脅迫・流出の証拠（画像、URL、送信者、通報番号）を元のまま保存し、改ざんを検知できる形で書き出します。"
        " / Keep evidence of threats and leaks untouched, chained by SHA-256, and export a verifiable bundle.",
        epilog="終了コード / exit codes: 0 ok/intact, 1 changed (verify), 2 error, 3 malformed bundle (verify)",
    )
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    p.add_argument("--tz", default="Asia/Tokyo", metavar="ZONE",
                   help="記録日時を表示する時間帯（既定: 日本時間 Asia/Tokyo）/ time zone times are shown in (default Asia/Tokyo)")
    esub = p.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)

    init = esub.add_parser("init", help="証拠フォルダを作成 / create a locker")
    init.add_argument("dir", metavar="DIR")
    init.set_defaults(func=_init)

    add = esub.add_parser("add", help="ファイルや記録を追加 / record files or details")
    add.add_argument("dir", metavar="DIR")
    add.add_argument("files", nargs="*", metavar="FILE", help="記録するファイル（元のまま保存）/ files to record as they are")
    add.add_argument("--url", help="投稿の URL / URL of the post")
    add.add_argument("--sender", help="送信者の ID / the sender's ID")
    add.add_argument("--sender-profile", help="送信者のプロフィール / the sender's profile (URL or text)")
    add.add_argument("--posted-at", help="投稿日時 / when it was posted")
    add.add_argument("--report-no", help="プラットフォームの通報番号 / the platform's report number")
    add.add_argument("--note", help="メモ / free note")
    add.add_argument(
        "--chat", action="store_true",
        help="ファイルをチャットの書き出し・スクリーンショットとして読み、各メッセージを日時つきで時系列に入れる"
        " / read the files as chat exports or screenshots and put each message, with its own time, in the timeline",
    )
    add.add_argument("--me", help="--chat: 書き出しテキストでの自分の名前 / your own name in an exported chat")
    add.add_argument(
        "--sensitive", choices=("sexual", "minor"),
        help="性的・未成年に関わる内容: 縮小画像を作りません / sexual or involving a minor: never thumbnailed",
    )
    add.set_defaults(func=_add)

    lst = esub.add_parser("list", help="記録の一覧 / list entries")
    lst.add_argument("dir", metavar="DIR")
    lst.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    lst.set_defaults(func=_list)

    exp = esub.add_parser("export", help="証拠パッケージ (ZIP) を書き出し / export a bundle")
    exp.add_argument("dir", metavar="DIR")
    exp.add_argument("-o", "--output", required=True, metavar="BUNDLE.zip")
    exp.add_argument("--sign-key", metavar="KEY", help="この鍵で最新記録に署名 / sign the chain head with this Ed25519 key")
    exp.set_defaults(func=_export)

    ver = esub.add_parser("verify", help="改ざんがないか確認 / check nothing was changed")
    ver.add_argument("target", metavar="DIR|BUNDLE.zip")
    ver.add_argument("--fingerprint", help="この鍵の署名を必須にする / require a signature by this key fingerprint")
    ver.add_argument("--json", action="store_true", help="JSON で出力 / print JSON")
    ver.set_defaults(func=_verify)

    sign = esub.add_parser("sign", help="最新記録に署名 / sign the chain head")
    sign.add_argument("dir", metavar="DIR")
    sign.add_argument("--key", required=True, metavar="KEY")
    sign.set_defaults(func=_sign)

    keygen = esub.add_parser("keygen", help="署名鍵を作成 / create an Ed25519 signing key")
    keygen.add_argument("-o", "--output", required=True, metavar="KEY")
    keygen.set_defaults(func=_keygen)



def _init(args: argparse.Namespace) -> int:
    from gazoguard.evidence import Locker

    locker = Locker.init(args.dir)
    _say(args, f"証拠フォルダを作成しました: {locker.root}", f"Created evidence locker: {locker.root}")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from gazoguard.evidence import ItemDetails, Locker

    locker = Locker.open(args.dir)
    details = ItemDetails(
        url=args.url, sender=args.sender, sender_profile=args.sender_profile, posted_at=args.posted_at,
        report_no=args.report_no, note=args.note, sensitive=args.sensitive,
    )
    if args.chat and args.files:
        chats = _chat_messages(args.files, args.me)
        entries = [e for path in args.files
                   for e in locker.add_files([path], dataclasses.replace(details, messages=chats[path] or None))]
    else:
        entries = locker.add_files(args.files, details) if args.files else [locker.add_record(details)]
    for entry in entries:
        what = entry["file"]["name"] if entry.get("file") else "記録 / record"
        sha = f"  SHA-256 {entry['file']['sha256']}" if entry.get("file") else ""
        said = f"  メッセージ / messages: {len(entry['messages'])}" if entry.get("messages") else ""
        print(f"#{entry['seq']}  {_when(entry, args.tz)}  {what}{sha}{said}")
    return EXIT_OK


def _chat_messages(files: list[str], me: str | None) -> dict[str, tuple[dict, ...]]:
    """The messages of chat exports (text) and screenshots (images), by file, as talk reads them."""
    from gazoguard.cli.talk import IMAGE_SUFFIXES, _read_text, messages_by_input
    from gazoguard.talk import parse_chat_text
    from gazoguard.talk.screenshot import messages_from_screenshots

    images = [f for f in files if Path(f).suffix.lower() in IMAGE_SUFFIXES]
    messages = [m for f in files if f not in images for m in parse_chat_text(_read_text(f), me=me, source=Path(f).name)]
    if images:
        messages += messages_from_screenshots(images)
    return messages_by_input(files, messages)


def _when(entry: dict, tz: str) -> str:
    """When an entry was recorded, in the chosen zone with its name (Japan time by default)."""
    import datetime as dt

    from gazoguard.core.clock import local_time, zone
    from gazoguard.core.errors import GazoError

    try:
        zone(tz)
    except ValueError:
        raise GazoError("unknown_time_zone", name=tz) from None
    try:
        moment = dt.datetime.fromisoformat(str(entry.get("recorded_at", "")).replace("Z", "+00:00"))
    except ValueError:
        return str(entry.get("recorded_at_local", ""))
    return local_time(moment, tz, seconds=True)


def _list(args: argparse.Namespace) -> int:
    from gazoguard.evidence import Locker

    entries = Locker.open(args.dir).entries()
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return EXIT_OK
    for entry in entries:
        info = entry.get("file")
        parts = [f"#{entry['seq']}", _when(entry, args.tz), info["name"] if info else "(記録 / record)"]
        parts += [f"{key}={entry[key]}" for key in ("url", "sender", "report_no", "sensitive") if entry.get(key)]
        if entry.get("messages"):
            parts.append(f"メッセージ / messages: {len(entry['messages'])}")
        if entry.get("note"):
            parts.append(f"メモ / note: {entry['note']}")
        print("  ".join(parts))
    if not entries:
        _say(args, "記録はまだありません。", "No entries yet.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from gazoguard.evidence import Locker
    from gazoguard.evidence.bundle import export_bundle
    from gazoguard.evidence.signing import load_private_key
    from gazoguard.evidence.verify import verify_path

    locker = Locker.open(args.dir)
    check = verify_path(locker.root)
    if not check.ok:
        _say(args, "注意: 証拠フォルダに変更が見つかりました（そのまま書き出します）。",
             "Warning: the locker shows changes (exported as it is).", err=True)
        _print_problems(check, args.lang)
    key = load_private_key(Path(args.sign_key)) if args.sign_key else None
    if key is not None:
        signature = locker.sign(key)
        _say(args, f"署名しました。鍵の指紋: {signature['fingerprint']}", f"Signed. Key fingerprint: {signature['fingerprint']}")
    elif locker.signatures():
        _say(args, "注意: 署名済みの証拠フォルダです。--sign-key なしでは時系列 PDF と縮小画像が署名で守られず、検証で指摘されます。",
             "Note: this locker is signed; without --sign-key the timeline PDF and thumbnails are not covered"
             " by a signature and verify will say so.", err=True)
    manifest = export_bundle(locker, args.output, sign_key=key, tz=args.tz)
    _say(
        args,
        f"書き出しました: {args.output}（記録 {manifest['head']['count']} 件、最新ハッシュ {manifest['head']['head_hash']}）",
        f"Exported {args.output} ({manifest['head']['count']} entries, head {manifest['head']['head_hash']})",
    )
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from gazoguard.evidence.verify import verify_path

    result = verify_path(args.target, expect_fingerprint=args.fingerprint)
    code = EXIT_OK if result.ok else EXIT_MALFORMED if result.malformed else EXIT_BROKEN
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return code
    if result.malformed:
        _say(args, "❌ 検証できません: gazoguard が書き出した形式ではありません（改ざん、または別物のファイル）:",
             "❌ Cannot be verified: not in the form gazoguard writes (tampered with, or another kind of file):")
        _print_problems(result, args.lang)
        return code
    # the overall result comes first, so a valid signature is never read as "all is well" above a tamper message
    if result.ok:
        _say(args, f"✅ 改ざんなし: 記録 {result.entries} 件すべてを確認しました（最新ハッシュ {result.head_hash}）",
             f"✅ Not tampered with: all {result.entries} entries checked (head hash {result.head_hash})")
    else:
        first = result.first_broken_seq
        where = (f"（最初に壊れた記録: {first}）", f" (first broken entry: {first})") if first else ("", "")
        _say(args, f"❌ 改ざんあり・検証できない{where[0]}。この証拠は、このままでは信頼できません。",
             f"❌ Tampered with / cannot be verified{where[1]}. This evidence cannot be trusted as it is.")
        _say(args, "見つかった変更:", "Changes found:")
        _print_problems(result, args.lang)
    for sig in result.signatures:
        state = ("有効", "valid") if sig.valid else ("無効", "INVALID")
        what = ("パッケージ全体", "the whole bundle") if sig.covers == "bundle" else (f"記録 {sig.head_seq} まで", f"up to entry {sig.head_seq}")
        doubt = ("（署名自体は有効ですが、上の変更のため全体としては検証できません）",
                 " (the signature itself is valid, but the changes above mean the whole cannot be verified)") \
            if sig.valid and not result.ok else ("", "")
        _say(args, f"署名（{what[0]}）: {state[0]}{doubt[0]}  鍵の指紋 {sig.fingerprint}",
             f"Signature ({what[1]}): {state[1]}{doubt[1]}  key fingerprint {sig.fingerprint}")
    return code


def _sign(args: argparse.Namespace) -> int:
    from gazoguard.evidence import Locker
    from gazoguard.evidence.signing import load_private_key

    signature = Locker.open(args.dir).sign(load_private_key(Path(args.key)))
    _say(args, f"記録 {signature['head_seq']} まで署名しました。鍵の指紋: {signature['fingerprint']}",
         f"Signed up to entry {signature['head_seq']}. Key fingerprint: {signature['fingerprint']}")
    return EXIT_OK


def _keygen(args: argparse.Namespace) -> int:
    from gazoguard.evidence.signing import generate_key

    fp = generate_key(Path(args.output))
    _say(args, f"署名鍵を作成しました: {args.output}（他人に渡さないでください）\n鍵の指紋（弁護士などに伝える）: {fp}",
         f"Created signing key {args.output} (keep it private)\nKey fingerprint (give this to your lawyer): {fp}")
    return EXIT_OK


def _print_problems(result, lang: str) -> None:  # noqa: ANN001
    for problem in result.problems:
        line = f"  - {problem.message_ja} / {problem.message_en}" if lang == "ja" else f"  - {problem.message_en}"
        print(line)


def _say(args: argparse.Namespace, ja: str, en: str, *, err: bool = False) -> None:
    print(f"{ja}\n{en}" if args.lang == "ja" else en, file=sys.stderr if err else sys.stdout)

