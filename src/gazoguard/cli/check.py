"""``gazoguard check``: check pictures before sending them.

Exit codes: 0 = every picture is safe or caution; 1 = at least one is danger
or block; 2 = usage error; 3 = at least one file could not be checked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gazoguard.cli._errors import print_error
from gazoguard.core.errors import GazoError
from gazoguard.cli._paths import iter_image_paths
from gazoguard.imaging.picture import Picture, load_picture
from gazoguard.core.progress import Progress
from gazoguard.pipeline import explain
from gazoguard.pipeline.report import Report

EXIT_CLEAR, EXIT_RISKY, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="写真の危険を確認 / check pictures",
        description="写真に写った顔・個人情報・位置情報などを確認します。/ Check pictures for faces, personal data, GPS and more.",
        epilog="終了コード / exit codes: 0 safe/caution, 1 danger/block, 2 usage, 3 unreadable file",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="画像ファイルまたはフォルダ / image files or folders")
    p.add_argument("--profile", default="personal", help="プロファイル名またはファイル / profile name or file (default: personal)")
    p.add_argument("--json", action="store_true", help="JSON Lines (gazoguard.report/1) を出力 / print JSON Lines")
    p.add_argument("--annotate", metavar="DIR", help="番号付きの枠と説明を描いた画像を保存 / write annotated copies here")
    p.add_argument("--lang", choices=("ja", "en"), default="ja", help="表示言語 / output language")
    p.add_argument("--detectors", help="使う検出器（カンマ区切り）/ comma-separated detector names")
    p.add_argument("--progress", action="store_true", help="進捗を常に表示 / always show progress")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.pipeline.engine import Engine
    from gazoguard.profiles import load_profile

    try:
        profile = load_profile(args.profile)
    except GazoError as err:
        print_error(err, args.lang)
        return EXIT_USAGE
    paths = list(iter_image_paths(args.paths))
    if not paths:
        print_error(GazoError("not_found"), args.lang)
        return EXIT_UNREADABLE
    engine = Engine()
    detectors = [d.strip() for d in args.detectors.split(",")] if args.detectors else None
    progress = Progress(len(paths), "gazoguard", enabled=True if args.progress else None)
    worst = EXIT_CLEAR
    try:
        for path in paths:
            try:
                picture = load_picture(path)
            except GazoError as err:
                report = Report.for_error(str(path), err, profile.name)
            else:
                report = engine.check(picture, profile=profile, detectors=detectors)
                if args.annotate:
                    _write_annotation(picture, report, Path(args.annotate), args.lang)
            worst = max(worst, _exit_code(report), key=_severity)
            _emit(report, args)
            progress.step(path.name)
    finally:
        progress.close()
        engine.close()
    return worst


def _severity(code: int) -> int:
    return {EXIT_CLEAR: 0, EXIT_RISKY: 1, EXIT_UNREADABLE: 2}.get(code, 0)


def _exit_code(report: Report) -> int:
    if not report.ok:
        return EXIT_UNREADABLE
    return EXIT_RISKY if report.level in ("danger", "block") else EXIT_CLEAR


def _emit(report: Report, args: argparse.Namespace) -> None:
    if args.json:
        sys.stdout.write(report.to_json() + "\n")
    else:
        sys.stdout.write(format_report(report, args.lang) + "\n")
    sys.stdout.flush()


def format_report(report: Report, lang: str = "ja") -> str:
    ja = lang == "ja"
    if not report.ok:
        err = report.error
        assert err is not None
        msg = f"{err.message_ja} / {err.message_en}" if ja else err.message_en
        return f"{report.image.get('path')}: エラー [{err.code}] {msg}" if ja else f"{report.image.get('path')}: error [{err.code}] {msg}"
    verdict = report.verdict
    assert verdict is not None
    img = report.image
    head = f"{img.get('path') or '(memory)'}  {img['width']}×{img['height']} {img['format']}"
    label = f"{verdict.level.mark} {verdict.level.ja}（{verdict.level.en}）" if ja else f"{verdict.level.mark} {verdict.level.en}"
    lines = [head, ("  判定: " if ja else "  verdict: ") + label + f"  [{report.profile}]"]
    if verdict.action:
        from gazoguard.intake.labels import pair

        action_ja, action_en = pair("action", verdict.action)  # a label, never the code (受付, 隠して再送を依頼 …)
        lines.append(f"  対応: {action_ja}" if ja else f"  action: {action_en}")
    for n, reason in enumerate(verdict.reasons, start=1):
        text, fix = (reason.ja, reason.fix_ja) if ja else (reason.en, reason.fix_en)
        lines.append(f"  {n}. {reason.level.mark} {text}")
        lines.append(f"     → {fix}")
    if not verdict.reasons:
        lines.append("  問題は見つかりませんでした。" if ja else "  Nothing was found.")
    if verdict.level.value == "safe":
        lines.append("  ※ " + (explain.SAFE_NOTE[0] if ja else explain.SAFE_NOTE[1]))
    if verdict.must_not_store:
        lines.append("  ⛔ この画像は保存・表示してはいけません。" if ja else "  ⛔ This image must not be stored or shown.")
    if verdict.questions:
        lines.append("  " + (explain.QUESTIONS_HEADING[0] if ja else explain.QUESTIONS_HEADING[1]) + ":")
        for n, q in enumerate(verdict.questions, start=1):
            lines.append(f"   Q{n}. {q['ja'] if ja else q['en']}")
        places = ("、" if ja else ", ").join(d["ja"] if ja else d["en"] for d in explain.DESTINATIONS[:-1])
        lines.append(f"  {explain.WHERE_QUESTION[0]}（{places}）{explain.WHERE_HINT[0]}" if ja
                     else f"  {explain.WHERE_QUESTION[1]} ({places}) {explain.WHERE_HINT[1]}")
        lines.append("   ※ " + (explain.SCREENSHOT_NOTE[0] if ja else explain.SCREENSHOT_NOTE[1])
                     + ("（場所ごとの注意: gazoguard playbook about_to_send）" if ja else " (each place: gazoguard playbook about_to_send)"))
    if verdict.help:
        lines.append("  " + (explain.HELP_HEADING[0] if ja else explain.HELP_HEADING[1]) + ":")
        for h in verdict.help:
            lines.append(f"   ・{h['ja'] if ja else h['en']}")
    lines.extend(_coverage_lines(report, ja))
    slow = sorted(report.runs, key=lambda r: -r.ms)[:1]
    failed = [r for r in report.runs if r.status.value in ("failed", "timeout")]
    for r in failed:
        lines.append(f"  ! {r.name}: {r.status.value} ({r.error})")
    lines.append(f"  {report.elapsed_ms:.0f} ms" + (f" (最も遅い検出器 / slowest: {slow[0].name} {slow[0].ms:.0f} ms)" if slow else ""))
    return "\n".join(lines)


def _coverage_lines(report: Report, ja: bool) -> list[str]:
    """What could not be or was not looked at (the ◎ note itself is explain.SAFE_NOTE)."""
    coverage = report.coverage
    if coverage is None:
        return []
    lang = "ja" if ja else "en"
    lines = []
    if coverage.failed:
        head = "  確認できなかったもの（検出器の失敗）/ could not be checked: " if ja else "  could not be checked (a detector failed): "
        lines.append(head + "、".join(coverage.labels("failed", lang)) if ja else head + ", ".join(coverage.labels("failed", lang)))
    if coverage.not_checked:
        head = "  調べていないもの — 自分の目で確かめてください / not checked — look yourself: " if ja else "  not checked — look for these yourself: "
        lines.append(head + ("、".join(coverage.labels("not_checked", lang)) if ja else ", ".join(coverage.labels("not_checked", lang))))
    return lines


def _write_annotation(picture: Picture, report: Report, out_dir: Path, lang: str) -> None:
    from gazoguard.pipeline.annotate import annotate

    out_dir.mkdir(parents=True, exist_ok=True)
    image = annotate(picture.image, report, lang=lang)
    target = out_dir / f"{Path(picture.path or 'image').stem}.annotated.png"
    tmp = target.with_suffix(".png.tmp")
    image.save(tmp, format="PNG")
    tmp.replace(target)

