"""Redaction time against the check it starts from (target: redaction adds ≤ 30 %).

How it is counted, per image, with every model already loaded (one warm-up pass):
  check    = Engine.check(path) with all detectors (decode + every detector + verdict)
  redact   = redact(path, report=that_report): decode, plan, cover, sRGB, encode, atomic write
             — it reuses the report's findings, nothing is detected again
  verify   = the re-check of the encoded output, restricted to the detectors that can emit the
             redacted kinds (reported separately: it is a second, narrower check, not redaction work)
Ratios printed: redact / check (the ≤ 30 % target) and (redact + verify) / check.

    nice -n 19 .venv/bin/python bench/bench_redact.py [--images N]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
# one or two of each kind of picture, so faces, text, codes and metadata all get redacted
DEFAULT_IMAGES = [
    "images/faces/fr_two_people.jpg",
    "images/faces/dlib_2007_007763.jpg",
    "images/en_pii/presidio_ocr_test.png",
    "images/en_pii/passporteye_passport-td3.jpg",
    "images/ja_text/yomitoku_gallery5_licence.jpg",
    "images/qr_barcode/zxing_qrcode-1_1.png",
    "images/exif/exifsamples_gps_DSCN0010.jpg",
    "images/screens/presidio_anon_results.png",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=len(DEFAULT_IMAGES))
    args = parser.parse_args(argv)

    from gazoguard.pipeline.engine import Engine
    from gazoguard.core.errors import GazoError
    from gazoguard.redaction import redact

    with open(EVAL / "manifest.csv", encoding="utf-8") as fh:
        available = {row["path"] for row in csv.DictReader(fh)}
    paths = [EVAL / p for p in DEFAULT_IMAGES[: args.images] if p in available]
    engine = Engine()
    out_dir = Path(tempfile.mkdtemp(prefix="gazoguard-bench-redact-"))
    rows = []
    try:
        for path in paths:  # warm-up: load every model once, outside the measurement
            engine.check(path)
        print(f"{'image':44s} {'check':>8s} {'redact':>8s} {'verify':>8s} {'r/c':>6s} {'(r+v)/c':>8s}  verified-by")
        for path in paths:
            tick = time.perf_counter()
            report = engine.check(path)
            check_ms = (time.perf_counter() - tick) * 1000
            target = out_dir / f"{path.stem}.redacted{path.suffix}"
            tick = time.perf_counter()
            try:
                result = redact(path, target, engine=engine, report=report)
            except GazoError as err:
                print(f"{path.name:44s} {check_ms:8.0f}  redaction failed: {err.code}")
                continue
            total_ms = (time.perf_counter() - tick) * 1000
            verify_ms = result.timings_ms.get("verify", 0.0)
            redact_ms = total_ms - verify_ms
            rows.append((check_ms, redact_ms, verify_ms))
            print(
                f"{path.name:44s} {check_ms:8.0f} {redact_ms:8.0f} {verify_ms:8.0f} "
                f"{redact_ms / check_ms:6.1%} {(redact_ms + verify_ms) / check_ms:8.1%}  {','.join(result.verification.detectors) or '-'}"
            )
    finally:
        engine.close()
    if not rows:
        return 1
    check_sum = sum(r[0] for r in rows)
    redact_sum = sum(r[1] for r in rows)
    verify_sum = sum(r[2] for r in rows)
    print(
        f"TOTAL over {len(rows)} images: check {check_sum:.0f} ms, redact {redact_sum:.0f} ms "
        f"({redact_sum / check_sum:.1%} of check; median per image {statistics.median(r[1] / r[0] for r in rows):.1%}), "
        f"verify {verify_sum:.0f} ms ({(redact_sum + verify_sum) / check_sum:.1%} with verification)"
    )
    ok = redact_sum / check_sum <= 0.30
    print("target redact ≤ 30 % of check:", "MET" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
