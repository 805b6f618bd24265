"""Loopback load test of the intake endpoint: N pictures at a shop's rate, then as fast as it goes.

    .venv/bin/python bench/bench_intake.py [--count 5000] [--rate 10] [--concurrency 8]
        [--detectors hidden_data,analysis_power] [--database-url postgresql+psycopg://…]

The real app is served by uvicorn on 127.0.0.1 (never another interface) with a fresh SQLite database
(or --database-url) and a fresh vault in a temporary data_dir.  Every picture is distinct (random
pixels, PNG, 128×96) and posted with its own case id, so afterwards each posted picture must have
exactly one case row with exactly one image row: 0 errors and 0 lost pictures are required (exit 1
otherwise).

To keep 5,000 pictures within minutes on 2 shared cores, the engine runs a detector subset
(``--detectors``, default: the metadata detectors ``hidden_data,analysis_power``); the numbers then
measure the gateway (HTTP, decoding, judgement, database, encryption, audit chain), not the models.
``--detectors all`` runs every detector (use a smaller --count).  Both phases report throughput and
latency percentiles; the paced phase also reports whether it kept up with the requested rate.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import socket
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

REPO = Path(__file__).resolve().parent.parent


def picture(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (128, 96), rng.randbytes(128 * 96 * 3))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def serve(database_url: str, data_dir: Path, detectors: list[str] | None):  # type: ignore[no-untyped-def]
    import uvicorn

    from gazoguard.detectors import Registry
    from gazoguard.pipeline.engine import Engine
    from gazoguard.intake.channels import create_channel_key
    from gazoguard.intake.policies import register_policy
    from gazoguard.web.app import create_app
    from gazoguard.web.checker import Checker
    from gazoguard.web.settings import Settings

    registry = Registry.default()
    if detectors:
        registry = Registry([registry.get(name) for name in detectors])
    checker = Checker(Engine(registry=registry))
    checker.warm_up()
    settings = Settings(warm_up=False, data_dir=data_dir, database_url=database_url, retention_interval_s=0)
    app = create_app(settings, checker=checker)
    gw = app.state.gateway
    with gw.store.session() as session:
        register_policy(gw.store, session, (REPO / "examples" / "policy.toml").read_text(encoding="utf-8"), "bench")
        key = create_channel_key(session, "sakura-zakka", "web-chat")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", limit_concurrency=256))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    app.state.bench_checker = checker
    return server, thread, f"http://127.0.0.1:{port}", key, gw


def run_phase(base: str, key: str, name: str, count: int, rate: float | None, concurrency: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    client = httpx.Client(base_url=base, timeout=120, limits=httpx.Limits(max_connections=concurrency))
    bodies = [picture(hash((name, i)) & 0xFFFFFFFF) for i in range(count)]

    def post(i: int) -> None:
        started = time.perf_counter()
        try:
            r = client.post("/api/v1/intake/images", headers={"Authorization": f"Bearer {key}"},
                            data={"case_id": f"{name}-{i:06d}", "channel": "web-chat", "customer_ref": f"cust-{i % 97}", "purpose": "inquiry"},
                            files={"image": ("p.png", bodies[i], "image/png")})
            ok = r.status_code == 200 and "action" in r.json()
            message = None if ok else f"{r.status_code} {r.text[:120]}"
        except httpx.HTTPError as err:
            message = f"{type(err).__name__}: {err}"
        with lock:
            latencies.append(time.perf_counter() - started)
            if message:
                errors.append(message)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for i in range(count):
            if rate:
                delay = t0 + i / rate - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            pool.submit(post, i)
    elapsed = time.perf_counter() - t0
    client.close()
    return {"name": name, "count": count, "elapsed_s": elapsed, "throughput": count / elapsed, "errors": errors,
            "p50_ms": percentile(latencies, 0.5) * 1000, "p95_ms": percentile(latencies, 0.95) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000, "target_rate": rate}


def count_cases(gw, prefix: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from gazoguard.store.models import Case, CaseImage

    with gw.store.session() as session:
        cases = session.execute(select(func.count()).select_from(Case).where(Case.external_id.like(f"{prefix}-%"))).scalar_one()
        per_case = session.execute(
            select(func.count()).select_from(
                select(CaseImage.case_id).join(Case, Case.id == CaseImage.case_id).where(Case.external_id.like(f"{prefix}-%"))
                .group_by(CaseImage.case_id).having(func.count() != 1).subquery()
            )).scalar_one()
    return cases, per_case


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=10.0, help="paced phase, pictures per second (a busy shop: 10/s)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--detectors", default="hidden_data,analysis_power")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    detectors = None if args.detectors == "all" else args.detectors.split(",")
    with tempfile.TemporaryDirectory(prefix="gazoguard-bench-") as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        server, thread, base, key, gw = serve(url, Path(tmp), detectors)
        results = [run_phase(base, key, "paced", args.count, args.rate, args.concurrency),
                   run_phase(base, key, "burst", args.count, None, args.concurrency)]
        failed = False
        print(f"intake load test on 127.0.0.1 — {gw.store.dialect}, detectors: {args.detectors}, concurrency {args.concurrency}")
        for r in results:
            cases, wrong = count_cases(gw, r["name"])
            lost = r["count"] - cases
            failed |= bool(r["errors"]) or lost != 0 or wrong != 0
            target = f" (target {r['target_rate']:.0f}/s)" if r["target_rate"] else ""
            print(f"  {r['name']:>5}: {r['count']} pictures in {r['elapsed_s']:.1f} s = {r['throughput']:.1f}/s{target}; "
                  f"p50 {r['p50_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms; "
                  f"errors {len(r['errors'])}, lost {lost}, cases with ≠1 picture {wrong}")
            for e in r["errors"][:5]:
                print(f"     error: {e}")
        if len(results) == 2 and results[0]["throughput"]:
            print(f"  burst / paced throughput ratio: {results[1]['throughput'] / results[0]['throughput']:.2f}")
        server.should_exit = True
        thread.join(timeout=30)
        server.config.app.state.bench_checker.close()
        gw.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
