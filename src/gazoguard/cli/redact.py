"""``gazoguard redact``: write a covered, metadata-free copy and prove it with a re-check.

Exit codes:
  0  written and verified; everything found was covered or stripped
  1  written and verified, but something found could not be covered
     (a whole-picture finding without a box, ``high_resolution`` without
     ``--max-side``, or a detector that failed on the original)
  2  usage error (unknown kind or profile, bad option)
  3  the input could not be read or checked
  4  the re-check still found a redacted kind, or the picture must never be
     stored (minor + sexual content): nothing was written
  5  the output could not be written (same path as the input, missing or
     unwritable folder, disk full, unsupported format): nothing was written
"""

from __future__ import annotations

import argparse
import json
import sys

from gazoguard.core.errors import GazoError

EXIT_DONE, EXIT_INCOMPLETE, EXIT_USAGE, EXIT_UNREADABLE, EXIT_NOT_VERIFIED, EXIT_NOT_WRITTEN = 0, 1, 2, 3, 4, 5

_USAGE_CODES = {"unknown_kind", "unknown_profile", "bad_profile"}
_VERIFY_CODES = {"verify_failed", "verify_incomplete", "metadata_survived", "must_not_store"}
_WRITE_CODES = {
    "same_path",
    "output_dir_missing",
    "output_unwritable",
    "disk_full",
    "write_failed",
    "unsupported_output_format",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "redact",
        help="顔・個人情報を隠しメタデータを消したコピーを作成 / write a redacted, metadata-free copy",
        description=(
            "見つかった顔・文字・コードなどを隠し、メタデータを消した新しい画像を作り、もう一度確認します。元の画像は変更しません。"
            " / Covers what the check found, strips all metadata into a fresh file, and re-checks it. The original is never modified."
        ),
        epilog=(
            "終了コード / exit codes: 0 done, 1 written but something could not be covered, 2 usage, "
            "3 unreadable input, 4 re-check failed (nothing written), 5 output not writable (nothing written)"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="IN", help="元の画像 / the original picture")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="出力先（既定: IN の名前 + .redacted）/ output path (default: IN's stem + .redacted)",
    )
    p.add_argument("--profile", default="personal", help="プロファイル / profile (default: personal)")
    p.add_argument(
        "--kinds", help="隠す種類（カンマ区切り、例 face,phone）/ kinds or categories to cover, comma-separated"
    )
    p.add_argument(
        "--max-side",
        type=_positive_int,
        metavar="N",
        help="長辺を N 画素以下に縮小 / downscale so the longer side is at most N",
    )
    p.add_argument("--preview", metavar="DIR", help="加工前後の比較画像を保存 / write a before/after preview here")
    p.add_argument(
        "--fill",
        action="store_true",
        help="顔や体もぼかしでなく塗りつぶす / fill faces and bodies instead of blurring",
    )
    p.add_argument("--json", action="store_true", help="結果を JSON で出力 / print the result as JSON")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    p.set_defaults(func=run)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 16:
        raise argparse.ArgumentTypeError("16 以上の整数を指定してください / give an integer of at least 16")
    return value


def run(args: argparse.Namespace) -> int:
    from gazoguard.redaction import redact

    try:
        result = redact(
            args.input,
            args.output,
            profile=args.profile,
            kinds=args.kinds,
            max_side=args.max_side,
            preview_dir=args.preview,
            solid=args.fill,
        )
    except GazoError as err:
        _print_error(err, args)
        return _exit_for(err)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(format_result(result, args.lang))
    return EXIT_DONE if result.complete else EXIT_INCOMPLETE


def _exit_for(err: GazoError) -> int:
    if err.code in _USAGE_CODES:
        return EXIT_USAGE
    if err.code in _VERIFY_CODES:
        return EXIT_NOT_VERIFIED
    if err.code in _WRITE_CODES:
        return EXIT_NOT_WRITTEN
    return EXIT_UNREADABLE


def format_result(result, lang: str = "ja") -> str:  # result: RedactionResult
    data = result.to_dict()
    ja = lang == "ja"
    lines = [f"{data['source']} → {data['output']}  {data['size_out'][0]}×{data['size_out'][1]} {data['format']}"]
    for cover in data["covered"]:
        how = {"fill": "塗りつぶし", "blur": "ぼかし"}[cover["method"]] if ja else cover["method"]
        label = cover["label_ja"] if ja else cover["label_en"]
        lines.append(
            f"  ■ {label}: {how} ×{len(cover['boxes'])}" + (" (2回目 / 2nd pass)" if cover["pass"] > 1 else "")
        )
    stripped = sorted({e["kind"] for e in data["stripped"]})
    lines.append(
        (
            "  ■ メタデータ: すべて削除（新しいファイルに再エンコード）"
            if ja
            else "  ■ metadata: all removed (re-encoded into a fresh file)"
        )
        + (f" [{', '.join(stripped)}]" if stripped else "")
    )
    for entry in data["not_covered"]:
        label = entry["label_ja"] if ja else entry["label_en"]
        lines.append(
            f"  ! {label}: "
            + (
                "自動では隠せません（手作業で確認してください）"
                if ja
                else "could not be covered automatically (check by hand)"
            )
        )
    for run in data["unchecked_detectors"]:
        lines.append(
            f"  ! {run['name']}: "
            + (
                "元の画像の確認に失敗したため、見落としがあるかもしれません"
                if ja
                else "failed on the original; something may have been missed"
            )
        )
    verification = data["verification"]
    names = ", ".join(verification["detectors"]) or "-"
    lines.append(
        (f"  ✓ 再確認に合格（{names}）" if ja else f"  ✓ re-check passed ({names})")
        + (" ※2回目の加工後" if ja and data["second_pass"] else " after a second pass" if data["second_pass"] else "")
    )
    if data["preview"]:
        lines.append(("  比較画像: " if ja else "  preview: ") + data["preview"])
    return "\n".join(lines)


def _print_error(err: GazoError, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps({"error": err.to_dict()}, ensure_ascii=False))
    text = f"エラー: {err.message_ja} / {err.message_en}" if args.lang == "ja" else f"error: {err.message_en}"
    print(text, file=sys.stderr)
