"""The web layer adds little: POST /api/v1/check vs the in-process check on the same 1 MP photo, then a
bounded loopback load test (N concurrent clients for S seconds; 0 errors expected).

    .venv/bin/python bench/bench_web.py [--runs 10] [--clients 20] [--seconds 60]

The server is the real app under uvicorn in a child process on 127.0.0.1 (one worker, models loaded once), with
its data_dir in a temporary folder. The in-process and the HTTP checks are interleaved (same photo, one after the
other) so that load from anything else on the machine hits both sides alike.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time

import httpx

sys.path.insert(0, os.path.dirname(__file__))
from _common import median, pct, resized_jpeg, sample_photos  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, data_dir: str) -> subprocess.Popen:
    env = {**os.environ, "GAZOGUARD_DATA_DIR": data_dir}
    proc = subprocess.Popen([sys.executable, "-m", "gazoguard", "serve", "--port", str(port)], stdout=subprocess.DEVNULL, env=env)
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).json()
            if health.get("warm"):
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.kill()
    raise RuntimeError("server did not become warm in 300 s")


async def load(url: str, blobs: list[bytes], clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds

    async def client(index: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(timeout=300) as http:
            i = index
            while time.perf_counter() < stop_at:
                blob = blobs[i % len(blobs)]
                i += 1
                started = time.perf_counter()
                try:
                    res = await http.post(url, files={"file": ("p.jpg", blob, "image/jpeg")})
                    ok = res.status_code == 200 and res.json().get("schema") == "gazoguard.report/1"
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok

    started = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.perf_counter() - started
    return {"requests": len(latencies), "errors": errors, "throughput_rps": len(latencies) / elapsed,
            "p50_s": median(latencies), "p95_s": pct(latencies, 95)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    blobs = [resized_jpeg(p, 1) for p in sample_photos()]

    from gazoguard.pipeline.engine import Engine

    with tempfile.TemporaryDirectory(prefix="gazoguard-bench-web-") as data_dir:
        port = free_port()
        proc = start_server(port, data_dir)
        url = f"http://127.0.0.1:{port}/api/v1/check"
        engine = Engine()
        try:
            engine.warm_up()
            in_process, over_http, web_overhead = [], [], []
            with httpx.Client(timeout=300) as http:
                for blob in blobs:  # first use of each picture size on both sides
                    engine.check(blob)
                    http.post(url, files={"file": ("p.jpg", blob, "image/jpeg")})
                for run in range(args.runs):
                    for index, blob in enumerate(blobs):
                        # alternate which side goes first: idle model threads of one side must not favour the other
                        sides = ("in", "http") if (run + index) % 2 == 0 else ("http", "in")
                        for side in sides:
                            t = time.perf_counter()
                            if side == "in":
                                engine.check(blob)
                                in_process.append(time.perf_counter() - t)
                                continue
                            res = http.post(url, files={"file": ("p.jpg", blob, "image/jpeg")})
                            over_http.append(time.perf_counter() - t)
                            assert res.status_code == 200, res.text
                            # what the web layer adds to this very request: round trip minus the engine's own time
                            web_overhead.append(over_http[-1] - res.json()["elapsed_ms"] / 1000)
            engine.close()
            a, b = median(in_process), median(over_http)
            print(f"1 MP check p50 over {len(in_process)} pairs: in-process {a * 1000:.0f} ms | "
                  f"POST /api/v1/check {b * 1000:.0f} ms | ratio {b / a:.3f} (target ≤ 1.15)")
            overhead = median(web_overhead)
            print(f"web layer per request (round trip − engine time in the server): p50 {overhead * 1000:.1f} ms, "
                  f"p95 {pct(web_overhead, 95) * 1000:.1f} ms = {overhead / b * 100:.2f} % of the HTTP p50")
            result = asyncio.run(load(url, blobs, args.clients, args.seconds))
            print(f"load: {args.clients} clients × {args.seconds:.0f} s → {result['requests']} requests, {result['errors']} errors, "
                  f"{result['throughput_rps']:.2f} req/s, p50 {result['p50_s']:.2f} s, p95 {result['p95_s']:.2f} s")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
