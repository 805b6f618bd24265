"""``gazoguard eval DIR``: score the engine on a labelled image set (see ../shared/eval/README.md);
``gazoguard eval --synthetic N``: on N generated pictures with planted personal values."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="評価用データで精度を測る / score on a labelled set",
                       description="ラベル付き画像で検出性能を測定します。/ Measure detection on a labelled image set.")
    p.add_argument("root", metavar="DIR", nargs="?", help="manifest.csv のあるフォルダ / folder with manifest.csv")
    p.add_argument("--talk", metavar="PATH", help="会話の評価セット（conversations.jsonl のフォルダ、または TOML）/ score the conversation check on a set")
    p.add_argument("--synthetic", type=int, metavar="N", help="生成した N 枚で個人情報の検出を測る / score personal strings on N generated pictures")
    p.add_argument("--seed", type=int, default=1, help="生成の乱数シード / seed of the generated pictures (default 1)")
    p.add_argument("--layouts", metavar="A,B", help="生成する種類 / generated layouts, e.g. numbers,foreign_docs,names,addresses (default: form,card,chat,parcel,idcard)")
    p.add_argument("--save", metavar="DIR", help="生成画像を保存 / keep the generated pictures here")
    p.add_argument("--profile", default="personal")
    p.add_argument("--json", action="store_true", help="数値を JSON で出力 / print the figures as JSON")
    p.add_argument("--reports", metavar="FILE", help="各画像のレポートを JSON Lines で保存 / save every report")
    p.add_argument("--limit", type=int, help="最初の N 枚だけ / only the first N images")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gazoguard.evaluation.run import run_eval, run_synthetic

    if args.talk is not None:
        return run_talk(args)
    if args.synthetic is not None:
        if args.synthetic < 1:
            print("エラー: N は 1 以上 / error: N must be at least 1", file=sys.stderr)
            return 2
        layouts = tuple(x.strip() for x in args.layouts.split(",") if x.strip()) if args.layouts else None
        try:
            metrics, reports = run_synthetic(args.synthetic, seed=args.seed, profile=args.profile, save=args.save, layouts=layouts)
        except ValueError as exc:
            print(f"エラー: {exc}", file=sys.stderr)
            return 2
        table = format_synthetic
    elif args.root is None:
        print("エラー: 評価用フォルダか --synthetic N か --talk PATH を指定してください / error: give a DIR, --synthetic N or --talk PATH", file=sys.stderr)
        return 2
    else:
        try:
            metrics, reports = run_eval(args.root, profile=args.profile, limit=args.limit)
        except FileNotFoundError as exc:
            print(f"エラー: 評価用フォルダが見つかりません / error: {exc}", file=sys.stderr)
            return 2
        table = format_table
    if args.reports:
        with open(args.reports, "w", encoding="utf-8") as fh:
            for report in reports.values():
                fh.write(json.dumps(report, ensure_ascii=False) + "\n")
    print(json.dumps(metrics, ensure_ascii=False, indent=2) if args.json else table(metrics))
    return 0


def run_talk(args: argparse.Namespace) -> int:
    from pathlib import Path

    from gazoguard.talk.evaluate import evaluate_path

    if not Path(args.talk).exists():
        print(f"エラー: 評価セットが見つかりません / error: no such set: {args.talk}", file=sys.stderr)
        return 2
    metrics = evaluate_path(args.talk, screenshots=True)
    print(json.dumps(metrics, ensure_ascii=False, indent=2) if args.json else format_talk(metrics))
    return 0


def format_talk(m: dict[str, Any]) -> str:
    """Conversation-level and per-act figures, text path first, then the screenshot path."""
    lines = [f"会話の評価 / conversation check: {m['path']}"]
    for key, title in (("text", "テキスト / text"), ("screenshot", "スクリーンショット / screenshots (OCR)")):
        if key not in m:
            continue
        s = m[key]
        h = s["harmful"]
        rows = [
            (title, f"{s['conversations']} 件", f"有害 / harmful (danger+block) {s['harmful_expected']}"),
            ("  有害の再現率 / harmful recall", _pct(h["recall"]), f"{h['tp']}/{h['n']}"),
            ("  有害の適合率 / harmful precision", _pct(h["precision"]), f"fp {h['fp']}"),
            ("  レベル正解率 / level accuracy", _pct(s["level_accuracy"]), f"p50 {s['time_ms_p50']} ms"),
        ]
        for act, c in s["acts"].items():
            rows.append((f"  {act}", f"R {_pct(c['recall'])}", f"P {_pct(c['precision'])}  (n {c['n']}, fp {c['fp']})"))
        lines.append(_aligned(rows))
        for cid, want, got in s["level_mismatches"][:15]:
            lines.append(f"    レベル違い / level: {cid}  {want} → {got}")
    if "screenshot_items" in m and "screenshot" not in m:
        lines.append(f"スクリーンショット {m['screenshot_items']} 件は OCR なしでは測れません / screenshots not scored")
    return "\n".join(lines)


def format_synthetic(m: dict[str, Any]) -> str:
    pt = m["personal_text"]
    rows = [(f"生成画像 / generated pictures (seed {m['seed']})", str(m["images"]), ""), *_personal_rows(pt)]
    for layout, v in m["by_layout"].items():
        rows.append((f"  layout {layout}", f"R {_pct(v['recall'])}", f"P {_pct(v['precision'])}  (missed {v['missed']}, false {v['false']})"))
    rows.append(("書類の種類 / identity card kind", _pct(m["document_kind_accuracy"]), f"wrong {len(m['document_kind_wrong'])}"))
    rows.append(("時間 / time per image p50", f"{m['time']['p50_ms']} ms", ""))
    rows += _class_rows(m.get("by_class", {}))
    lines = [_aligned(rows)]
    for decoy in pt.get("decoys_reported", [])[:20]:
        lines.append(f"おとりを報告 / decoy reported: {decoy['image']}  {decoy['kind']}  {decoy['text']}")
    for wrong in m["document_kind_wrong"][:10]:
        lines.append(f"書類の種類違い / wrong kind: {wrong['image']}  {wrong['expected']} → {wrong['got']}")
    for miss in pt["missed"][:20]:
        lines.append(f"見逃し / missed: {miss['image']}  {miss['kind']}  {miss['text']}")
    for false in pt["false"][:20]:
        lines.append(f"誤検出 / false: {false['image']}  {false['kind']}  {false['text']}")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 100:5.1f}%"


def format_table(m: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str]] = []
    for band, v in m["faces"]["bands"].items():
        rows.append((f"顔 recall / faces {band} px", _pct(v["recall"]), f"{v['found']}/{v['labelled']}"))
    rows.append(("顔の誤検出 / false faces on faceless images", str(m["faces"]["false_faces_on_faceless_images"]), f"{m['faces']['faceless_images']} images"))
    rows += _personal_rows(m["personal_text"])
    c = m["codes"]
    rows.append(("QR ペイロード正解率 / QR payload accuracy", _pct(c["qr_payload_accuracy"]), f"{c['qr_total']} codes"))
    rows.append(("バーコード / barcodes found", _pct(c["barcode_recall"]), f"{c['barcode_total']} images"))
    md = m["metadata"]
    rows.append(("GPS recall", _pct(md["gps_recall"]), f"{md['gps_total']} images"))
    rows.append(("GPS の誤検出 / GPS false claims", str(md["gps_false_claims"]), ""))
    rows.append(("EXIF recall", _pct(md["exif_recall"]), f"{md['exif_total']} images"))
    ds = m["documents_screens"]
    rows.append(("書類の種類 / document kind accuracy", _pct(ds["document_kind_accuracy"]), f"{ds['documents']} documents"))
    rows.append(("書類の誤検出 / documents on non-documents", str(ds["documents_claimed_on_non_documents"]), ""))
    rows.append(("画面 recall / screens found", _pct(ds["screen_recall"]), f"{ds['screens']} screens"))
    rows.append(("画面の誤検出 / screens on non-screens", str(ds["screens_claimed_on_non_screens"]), ""))
    b = m["benign"]
    rows.append(("無害画像で危険以上 / benign judged danger+", _pct(b["benign_danger_or_block"]), f"{b['benign_images']} images"))
    rows.append(("無害画像で性的/未成年 / benign with sexual|minor", _pct(b["benign_with_sexual_or_minor"]), ""))
    t = m["time"]
    rows.append(("時間 / time per image p50", f"{t['p50_ms']} ms", f"p95 {t['p95_ms']} ms"))
    for name, ms in t["detector_p50_ms"].items():
        rows.append((f"  {name} p50", f"{ms} ms", ""))
    rows.append(("失敗した検出 / failed detector runs", str(t["failed_runs"]), f"errors: {len(t['errors'])}"))
    rows += _class_rows(m.get("by_class", {}))
    lines = [_aligned(rows)]
    for decoy in m["personal_text"].get("decoys_reported", [])[:20]:
        lines.append(f"おとりを報告 / decoy reported: {decoy['image']}  {decoy['kind']}  {decoy['text']}")
    return "\n".join(lines)


def _personal_rows(pt: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = [("個人情報の再現率 / personal strings recall", _pct(pt["recall"]), ""), ("個人情報の適合率 / precision", _pct(pt["precision"]), "")]
    if pt.get("decoys"):
        rows.append(("おとりの誤報率 / decoys reported as their kind", _pct(pt["decoy_rate"]), f"{pt['decoys']} decoys"))
    for kind, v in pt["by_kind"].items():
        rows.append((f"  {kind}", f"R {_pct(v['recall'])}", f"P {_pct(v['precision'])}  ({v['found']}/{v['labelled']}, fp {v['fp']}){_decoy_note(v)}"))
    return rows


def _decoy_note(v: dict[str, Any]) -> str:
    return f"  decoys {v['decoys_reported']}/{v['decoys']}" if v.get("decoys") else ""


def _class_rows(by_class: dict[str, Any]) -> list[tuple[str, str, str]]:
    """One row per class of picture (the manifest's ``class`` column), then its kinds."""
    rows: list[tuple[str, str, str]] = []
    for name, c in by_class.items():
        extra = [f"{c['images']} images", f"{c['labelled']} strings"]
        if c.get("decoys"):
            extra.append(f"decoys {_pct(c['decoy_rate']).strip()} of {c['decoys']}")
        if "screen_recall" in c:
            extra.append(f"screens {_pct(c['screen_recall']).strip()} of {c['screens']}")
        if "qr_payload_accuracy" in c:
            extra.append(f"QR {_pct(c['qr_payload_accuracy']).strip()} of {c['qr_total']}")
        if "face_bands" in c:
            bands = ", ".join(f"{b} {_pct(v['recall']).strip()} of {v['labelled']}" for b, v in c["face_bands"].items())
            extra.append(f"faces {bands}; false {c['false_faces_on_faceless_images']}")
        rows.append((f"種類 / class {name}", f"R {_pct(c['recall'])}", f"P {_pct(c['precision'])}  " + ", ".join(extra)))
        for kind, v in c["by_kind"].items():
            rows.append((f"    {kind}", f"R {_pct(v['recall'])}", f"P {_pct(v['precision'])}  ({v['found']}/{v['labelled']}, fp {v['fp']}){_decoy_note(v)}"))
    return rows


def _aligned(rows: list[tuple[str, str, str]]) -> str:
    width = max(len(r[0]) for r in rows) + 2
    return "\n".join(f"{a:<{width}}{b:>10}  {c}" for a, b, c in rows)
