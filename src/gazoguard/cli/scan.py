"""``gazoguard scan``: scan an archive of stored chat images (folders, zip/tar exports, the intake store).

Writes RUN_DIR/{ledger.sqlite, results.parquet, findings.parquet, results.jsonl, findings.jsonl,
duplicates.jsonl, plan.jsonl, report.html}.  Exit codes: 0 done, 2 usage or version mismatch, 3 no
source could be read.  See docs/scan.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE, EXIT_UNREADABLE = 0, 2, 3


def register(sub: argparse._SubParsersAction) -> None:
    from gazoguard.cli._store import add_store_arguments

    p = sub.add_parser(
        "scan", help="保存済み画像のアーカイブを確認 / scan an archive of stored images",
        description="フォルダ・チャットの書き出し (zip/tar)・受付ストアの画像を確認し、結果・重複・対応計画・レポートを作ります。"
                    " / Scan folders, chat exports (zip/tar) and the intake store; write results, duplicates, an action plan and a report.",
        epilog="既定は --dry-run（何も削除・移動しません）/ --dry-run is the default: nothing is deleted or moved",
    )
    p.add_argument("sources", nargs="*", metavar="SOURCE", help="フォルダ・.zip・.tar(.gz) / folder, .zip, .tar(.gz)")
    p.add_argument("--out", type=Path, required=True, metavar="RUN_DIR", help="実行フォルダ（再実行で続きから）/ run folder (re-run resumes)")
    p.add_argument("--policy", type=Path, help="受付ポリシー (TOML): 保存期間と対応 / intake policy: retention and actions")
    p.add_argument("--profile", help="プロファイル（既定: ポリシーのもの / business-intake）/ profile (default: the policy's)")
    p.add_argument("--intake", action="store_true", help="受付ストアの画像も確認 / also scan the intake store")
    add_store_arguments(p)
    p.add_argument("--address", help="Ray クラスタ (auto / HOST:PORT / ray://…); 省略時はこのマシンで / omit for a local Ray")
    p.add_argument("--workers", type=int, help="ワーカー数（既定: CPU 数）/ actors (default: the cluster's CPUs)")
    p.add_argument("--in-process", action="store_true", help="Ray を使わずこのプロセスで（小さなスキャン向け）/ no Ray, for tiny scans")
    p.add_argument("--detectors", help="使う検出器（カンマ区切り）/ comma-separated detector names")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", default=True, help="計画を表示するだけ（既定）/ only print the plan (default)")
    mode.add_argument("--apply", action="store_true", help="計画を実行（監査ログに記録）/ carry out the plan (audited)")
    p.add_argument("--quarantine", type=Path, help="隔離先（既定: RUN_DIR/quarantine）/ quarantine folder")
    p.add_argument("--restart", action="store_true", help="台帳を捨てて最初から / discard the ledger and start over")
    p.add_argument("--json", action="store_true", help="進捗を JSON Lines で stdout に / progress events as JSON Lines")
    p.add_argument("--no-report", action="store_true", help="report.html を作らない / skip report.html")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.core.errors import GazoError
    from gazoguard.scan.actions import ScanPolicy
    from gazoguard.scan.ledger import Ledger, VersionMismatch
    from gazoguard.scan.worker import ScanConfig, engine_version

    if not args.sources and not args.intake:
        print("SOURCE か --intake が必要です / give a SOURCE or --intake", file=sys.stderr)
        return EXIT_USAGE
    missing = [s for s in args.sources if not Path(s).exists()]
    if missing:
        print(f"見つかりません / not found: {', '.join(missing)}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        policy = ScanPolicy.load(args.policy)
        detectors = tuple(d.strip() for d in args.detectors.split(",")) if args.detectors else None
        config = ScanConfig(args.profile or policy.profile, detectors)
        versions = {"engine": engine_version(config), "policy": policy.sha256}
        ledger = Ledger.open(args.out, versions, restart=args.restart)
    except VersionMismatch as err:
        print(f"{err.message_ja}\n{err.message_en}", file=sys.stderr)
        return EXIT_USAGE
    except (GazoError, OSError, KeyError) as err:
        print(getattr(err, "message_ja", "") + "\n" + getattr(err, "message_en", str(err)), file=sys.stderr)
        return EXIT_USAGE
    try:
        tally = _scan(args, ledger, config)
        _finish(args, ledger, policy, tally)
    finally:
        ledger.close()
    return EXIT_OK


def _entries(args: argparse.Namespace) -> Iterator[Any]:
    from gazoguard.scan.sources import iter_intake, iter_sources

    yield from iter_sources(args.sources)
    if args.intake:
        from gazoguard.cli._store import gateway_from_args

        gateway = gateway_from_args(args, purge_on_open=False)  # a scan changes nothing without --apply
        try:
            yield from iter_intake(gateway)
        finally:
            gateway.close()


def _scan(args: argparse.Namespace, ledger: Any, config: Any) -> Any:
    from gazoguard.core.progress import Progress
    from gazoguard.scan.runner import RayPool, scan
    from gazoguard.scan.sources import estimate_total

    total = estimate_total(args.sources)
    progress = Progress(total, "gazoguard scan", enabled=None if not args.json else False, min_items=1)
    first: list[float] = []  # the rate counts from the first finished image (not Ray's start-up)

    def on_row(kind: str, row: dict[str, Any], tally: Any) -> None:
        progress.step(row["path"].rsplit("/", 1)[-1])
        if args.json:
            if not first:
                first.append(time.perf_counter())
            elapsed = time.perf_counter() - first[0]
            rate = (tally.checked + tally.reused) / elapsed if elapsed > 0 else 0.0
            left = max(0, total - tally.seen)
            event = {"event": "row", "kind": kind, "path": row["path"], "status": row["status"], "level": row["level"],
                     "done": tally.seen, "total": total, "rate": round(rate, 2), "eta_s": round(left / rate, 1) if rate else None}
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    pool = None if args.in_process else RayPool(config, address=args.address, workers=args.workers)
    try:
        return scan(_entries(args), ledger, config, pool=pool, on_row=on_row)
    finally:
        progress.close()
        if pool is not None:
            pool.close()


def _finish(args: argparse.Namespace, ledger: Any, policy: Any, tally: Any) -> None:
    from gazoguard.scan.actions import apply_plan, build_plan
    from gazoguard.scan.duplicates import find_groups
    from gazoguard.scan.report import write_report
    from gazoguard.scan.results import json_line, write_tables

    counts = write_tables(ledger, args.out)
    groups = find_groups(ledger)
    _write_lines(args.out / "duplicates.jsonl", [g.to_dict() for g in groups], json_line)
    plan = build_plan(ledger, policy, dt.datetime.now(dt.timezone.utc))
    _write_lines(args.out / "plan.jsonl", [p.to_dict() for p in plan], json_line)
    if not args.no_report:
        write_report(ledger, args.out, groups, plan)
    planned = {a: sum(1 for p in plan if p.action == a) for a in ("keep", "delete", "quarantine", "report")}
    summary = {"event": "done", "results": counts["results"], "findings": counts["findings"], "checked": tally.checked,
               "reused": tally.reused, "listed": tally.listed, "already": tally.already, "groups": len(groups), "plan": planned}
    if args.apply:
        summary["applied"] = apply_plan(ledger, args.out, quarantine=args.quarantine)
    if args.json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
    else:
        print(f"結果 / results: {counts['results']} 件（今回確認 / checked now {tally.checked}、重複の再利用 / reused {tally.reused}、"
              f"前回まで / earlier {tally.already}）、所見 / findings {counts['findings']}、重複グループ / duplicate groups {len(groups)}")
        print("計画 / plan: " + ", ".join(f"{k} {v}" for k, v in planned.items())
              + ("" if args.apply else "  （--dry-run: 何も変更していません / nothing changed）"))
        if args.apply:
            print("実行 / applied: " + ", ".join(f"{k} {v}" for k, v in summary["applied"].items()))
        print(f"→ {args.out / 'report.html'}")


def _write_lines(path: Path, items: list[dict[str, Any]], line: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.writelines(line(item) for item in items)
    tmp.replace(path)
