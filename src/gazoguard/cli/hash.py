"""``gazoguard hash``: compute PDQ and pHash of your own pictures into a hash file (no image data).

Exit codes: 0 = every picture hashed; 2 = usage error or nothing hashed;
3 = some pictures could not be read (the others are in the hash file).
"""

from __future__ import annotations

import argparse
import sys

from gazoguard.core.errors import GazoError

EXIT_OK, EXIT_USAGE, EXIT_UNREADABLE = 0, 2, 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "hash",
        help="画像のハッシュを作成（画像は含みません）/ hash your pictures (no image data)",
        description="自分の画像から PDQ（回転・反転 8 通り）と pHash を計算し、画像を含まないハッシュファイルを書き出します。"
        "プラットフォームには画像の代わりにこのファイルを渡します。"
        " / Compute PDQ (8 rotations/flips plus standard crops) and pHash locally and write a hash file without any image data.",
        epilog="終了コード / exit codes: 0 ok, 2 usage/nothing hashed, 3 some files unreadable",
    )
    p.add_argument("images", nargs="+", metavar="IMAGE", help="画像ファイルまたはフォルダ / image files or folders")
    p.add_argument("-o", "--output", required=True, metavar="HASHFILE", help="書き出すハッシュファイル (JSON)")
    p.add_argument("--with-names", action="store_true",
                   help="ファイル名も書く（名前から内容が分かる場合は使わない）/ include file names")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.hashes import HashFile, HashItem, compute_hashes
    from gazoguard.cli._paths import iter_image_paths
    from gazoguard.imaging.picture import load_picture

    items: list[HashItem] = []
    failed = 0
    for path in iter_image_paths(args.images):
        try:
            hashes = compute_hashes(load_picture(path))
        except GazoError as err:
            failed += 1
            _error(f"{path}: {err.message_ja} / {err.message_en}", f"{path}: {err.message_en}", args.lang)
            continue
        item = HashItem.from_hashes(str(len(items) + 1), hashes, path.name if args.with_names else None)
        items.append(item)
        flag = "  ⚠ 品質が低い / low quality" if item.low_quality else ""
        print(f"{item.id}\t{path}\tPDQ {hashes.pdq['original']}\t品質 quality {hashes.pdq_quality}{flag}")
    if not items:
        _error("ハッシュを作成できた画像がありません。", "No picture could be hashed.", args.lang)
        return EXIT_USAGE
    try:
        HashFile(tuple(items)).write(args.output)
    except OSError as exc:
        _error(f"{args.output} に書き込めません: {exc.strerror}", f"cannot write {args.output}: {exc.strerror}", args.lang)
        return EXIT_USAGE
    low = sum(1 for i in items if i.low_quality)
    print(f"{len(items)} 件を {args.output} に書き出しました（品質が低いもの {low} 件）/ "
          f"wrote {len(items)} items to {args.output} ({low} low quality)")
    return EXIT_UNREADABLE if failed else EXIT_OK


def _error(ja: str, en: str, lang: str) -> None:
    print(f"エラー: {ja}" if lang == "ja" else f"error: {en}", file=sys.stderr)
