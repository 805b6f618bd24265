"""A bounded loopback load run of the two real mixes: the pre-send check (POST /api/v1/check) and business intake
(POST /api/v1/intake/images with a channel key), for a fixed time, against the real app under uvicorn in its own
process.  Reports requests, errors, p50/p95 per mix, and the server's RSS in the first and the last minute.

    nice -n 10 .venv/bin/python bench/bench_load.py [--minutes 10] [--check-clients 3] [--intake-clients 2] [--json F]

Every answer other than 200 counts as an error (the inputs are valid photos).  The server warms up (models loaded,
one request of each mix) before the clock starts, so the RSS comparison is of the steady state.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, os.path.dirname(__file__))
from _common import REPO, load_average, median, pct, resized_jpeg, sample_photos  # noqa: E402

SERVER = """
import sys, uvicorn
from pathlib import Path
from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings
settings = Settings(data_dir=Path(sys.argv[1]), retention_interval_s=0, warm_up=True)
uvicorn.run(create_app(settings), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def seed(data: Path) -> str:
    from gazoguard.intake.channels import create_channel_key
    from gazoguard.intake.gateway import Gateway
    from gazoguard.intake.policies import register_policy

    gw = Gateway.open(f"sqlite:///{data / 'gazoguard.sqlite3'}", data)
    with gw.store.session() as session:
        register_policy(gw.store, session, (REPO / "examples" / "policy.toml").read_text(encoding="utf-8"), "bench")
        key = create_channel_key(session, "sakura-zakka", "web-chat")
    gw.close()
    return key


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_warm(base: str, timeout_s: float = 600) -> None:
    deadline = time.time() + timeout_s
    async with httpx.AsyncClient(base_url=base, timeout=5) as http:
        while time.time() < deadline:
            try:
                if (await http.get("/api/v1/health")).json().get("warm"):
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(1)
    raise RuntimeError("the server did not warm up")


class Mix:
    def __init__(self, name: str) -> None:
        self.name = name
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def figures(self) -> dict[str, object]:
        n = len(self.latencies) + len(self.errors)
        return {"requests": n, "errors": len(self.errors), "error_rate": len(self.errors) / n if n else 0.0,
                "p50_s": round(median(self.latencies), 3) if self.latencies else None,
                "p95_s": round(pct(self.latencies, 95), 3) if self.latencies else None,
                "first_errors": self.errors[:5]}


async def check_client(base: str, photos: list[bytes], mix: Mix, until: float, n0: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=600) as http:
        n = n0
        while time.time() < until:
            photo = photos[n % len(photos)]
            n += 1
            await _timed(mix, http.post("/api/v1/check", files={"file": ("p.jpg", photo, "image/jpeg")}, data={"profile": "personal"}))


async def intake_client(base: str, key: str, photos: list[bytes], mix: Mix, until: float, worker: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=600, headers={"Authorization": f"Bearer {key}"}) as http:
        n = 0
        while time.time() < until:
            photo = photos[(n + worker) % len(photos)]
            data = {"case_id": f"L-{worker}-{n // 3}", "channel": "web-chat", "customer_ref": f"cust-{worker}-{n // 3}",
                    "purpose": "inquiry"}
            n += 1
            await _timed(mix, http.post("/api/v1/intake/images", data=data, files={"image": ("p.jpg", photo, "image/jpeg")}))


async def _timed(mix: Mix, request) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    try:
        response = await request
        if response.status_code == 200:
            mix.latencies.append(time.perf_counter() - start)
        else:
            mix.errors.append(f"{response.status_code} {response.text[:120]}")
    except httpx.HTTPError as err:
        mix.errors.append(f"{type(err).__name__}: {err}")


async def sample_rss(pid: int, samples: list[tuple[float, float]], until: float, t0: float) -> None:
    while time.time() < until:
        samples.append((time.time() - t0, rss_mb(pid)))
        await asyncio.sleep(5)


async def run(args: argparse.Namespace) -> dict[str, object]:
    photos = [resized_jpeg(p, 1.0) for p in sample_photos(4)]
    with tempfile.TemporaryDirectory(prefix="gazoguard-load-") as folder:
        data = Path(folder) / "data"
        key = seed(data)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(REPO / "src"))}
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(data), str(port)], env=env, stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            await wait_warm(base)
            warm = Mix("warm-up")
            await check_client(base, photos[:1], warm, time.time() + 0.001, 0)
            await intake_client(base, key, photos[:1], warm, time.time() + 0.001, 99)
            checks, intakes = Mix("check"), Mix("intake")
            t0 = time.time()
            until = t0 + args.minutes * 60
            samples: list[tuple[float, float]] = []
            load_before = load_average()
            await asyncio.gather(
                sample_rss(server.pid, samples, until, t0),
                *(check_client(base, photos, checks, until, i) for i in range(args.check_clients)),
                *(intake_client(base, key, photos, intakes, until, i) for i in range(args.intake_clients)),
            )
            elapsed = time.time() - t0
        finally:
            server.terminate()
            server.wait(timeout=30)
    first = [mb for t, mb in samples if t < 60]
    last = [mb for t, mb in samples if t >= elapsed - 60]
    rss_first, rss_last = median(first), median(last)
    return {
        "minutes": round(elapsed / 60, 2), "check_clients": args.check_clients, "intake_clients": args.intake_clients,
        "check": checks.figures(), "intake": intakes.figures(),
        "warm_up_errors": warm.errors,
        "rss_mb_first_minute": round(rss_first, 1), "rss_mb_last_minute": round(rss_last, 1),
        "rss_change": round((rss_last - rss_first) / rss_first, 4), "rss_max_mb": round(max(mb for _, mb in samples), 1),
        "load_average_before": load_before, "load_average_after": load_average(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--check-clients", type=int, default=3)
    parser.add_argument("--intake-clients", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    figures = asyncio.run(run(args))
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    ok = figures["check"]["errors"] == 0 and figures["intake"]["errors"] == 0 and abs(figures["rss_change"]) <= 0.10
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
