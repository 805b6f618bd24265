"""Run one fuzz target: ``python fuzz/run.py TARGET --inputs N [--seed S] [--json]``.

Reports inputs run, crashes (anything but ``GazoError`` escaping), hangs (an
input over ``--hang-seconds``), the slowest input and the peak resident memory
(plus the Python-heap peak with ``--tracemalloc``).  Every crashing or hanging
input is written to ``fuzz/corpus/TARGET/crash-SHA`` so the test suite replays it.
The exit code is 1 when anything crashed or hung or memory passed ``--max-rss-mb``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import signal
import sys
import time
import traceback
import tracemalloc
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from fuzz.targets import CORPUS, TARGETS, seeds  # noqa: E402
from gazoguard.core.errors import GazoError  # noqa: E402


class Hang(Exception):
    """Raised by the alarm when one input runs past the hard timeout."""


@dataclass
class Stats:
    target: str
    inputs: int = 0
    crashes: int = 0
    hangs: int = 0
    slowest_s: float = 0.0
    slowest_input_sha256: str = ""
    slowest_input_bytes: int = 0
    peak_rss_mb: float = 0.0
    peak_python_heap_mb: float | None = None
    seconds: float = 0.0
    crash_samples: list[str] = field(default_factory=list)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def keep(target: str, data: bytes) -> Path:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{hashlib.sha256(data).hexdigest()[:16]}"
    path.write_bytes(data)
    return path


def run_one(name: str, data: bytes, stats: Stats, hang_seconds: float) -> None:
    target = TARGETS[name]
    signal.alarm(int(hang_seconds * 4) + 1)  # a hard stop well past the reported limit
    start = time.perf_counter()
    try:
        target.run(data)
    except GazoError:
        pass
    except Hang:
        stats.hangs += 1
        keep(name, data)
    except Exception as exc:  # noqa: BLE001 - a crash is what we are looking for
        stats.crashes += 1
        path = keep(name, data)
        if len(stats.crash_samples) < 5:
            stats.crash_samples.append(f"{path.name}: {type(exc).__name__}: {exc!s:.200}\n{traceback.format_exc(limit=4)}")
    finally:
        signal.alarm(0)
    took = time.perf_counter() - start
    stats.inputs += 1
    if took > hang_seconds:
        stats.hangs += 1
        keep(name, data)
    if took > stats.slowest_s:
        stats.slowest_s, stats.slowest_input_bytes = took, len(data)
        stats.slowest_input_sha256 = hashlib.sha256(data).hexdigest()[:16]


def fuzz(name: str, inputs: int, *, random_seed: int = 0, hang_seconds: float = 5.0, trace: bool = False) -> Stats:
    stats = Stats(name)
    target = TARGETS[name]

    def on_alarm(signum, frame):  # noqa: ANN001, ARG001
        raise Hang()

    signal.signal(signal.SIGALRM, on_alarm)
    warnings.simplefilter("ignore")  # Pillow warns on every broken tag; only exceptions count
    if trace:
        tracemalloc.start()
    began = time.perf_counter()
    for data in seeds(name):  # the corpus first, then generated inputs
        run_one(name, data, stats, hang_seconds)

    @seed(random_seed)
    @settings(
        max_examples=inputs, deadline=None, database=None, phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy(seeds(name)))
    def body(data: bytes) -> None:
        run_one(name, data, stats, hang_seconds)

    body()
    stats.seconds = round(time.perf_counter() - began, 1)
    stats.peak_rss_mb = round(peak_rss_mb(), 1)
    if trace:
        stats.peak_python_heap_mb = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    stats.slowest_s = round(stats.slowest_s, 3)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=sorted(TARGETS) + ["all"])
    parser.add_argument("--inputs", type=int, default=1000, help="generated inputs per target (plus the seeds)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hang-seconds", type=float, default=5.0)
    parser.add_argument("--max-rss-mb", type=float, default=1024.0)
    parser.add_argument("--tracemalloc", action="store_true", help="also measure the Python heap peak (slower)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    names = sorted(TARGETS) if args.target == "all" else [args.target]
    failed = False
    for name in names:
        stats = fuzz(name, args.inputs, random_seed=args.seed, hang_seconds=args.hang_seconds, trace=args.tracemalloc)
        failed |= bool(stats.crashes or stats.hangs or stats.peak_rss_mb > args.max_rss_mb)
        if args.json:
            print(json.dumps(asdict(stats), ensure_ascii=False), flush=True)
        else:
            print(f"{name}: {stats.inputs} inputs, {stats.crashes} crashes, {stats.hangs} hangs > {args.hang_seconds}s, "
                  f"slowest {stats.slowest_s}s ({stats.slowest_input_bytes} B, {stats.slowest_input_sha256}), "
                  f"peak RSS {stats.peak_rss_mb} MB, {stats.seconds}s", flush=True)
            for sample in stats.crash_samples:
                print("  " + sample.replace("\n", "\n  "), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
