"""Registry index at scale: build, load, query p50/p95, peak RSS, against brute force in the same run.

    .venv/bin/python bench/bench_registry.py --n 1000000 10000000

For each N, random 256-bit hashes are generated (seeded), near-duplicates of
half the queries are planted (0–31 flipped bits, so each must be found), the
MIH index is built and saved, and a fresh process loads it memory-mapped and
answers the queries.  Brute force (numpy XOR + popcount over all rows) runs on
a few of the same queries in that process and must return the same rows.
Each phase runs in its own process so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

THRESHOLD = 31


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _near(rng: np.random.Generator, row: np.ndarray, flips: int) -> np.ndarray:
    bits = np.unpackbits(row)
    bits[rng.choice(256, flips, replace=False)] ^= 1
    return np.packbits(bits)


def build_phase(n: int, queries: int, directory: Path, seed: int) -> dict:
    from gazoguard.hashes.index import MIHIndex

    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    hashes = rng.integers(0, 256, (n, 32), dtype=np.uint8)
    planted_rows = rng.choice(n, queries // 2, replace=False)
    qs = []
    for row in planted_rows:  # a query near a stored hash: must be found
        qs.append(_near(rng, hashes[row], int(rng.integers(0, THRESHOLD + 1))))
    qs += list(rng.integers(0, 256, (queries - len(qs), 32), dtype=np.uint8))  # unrelated queries
    gen_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    index = MIHIndex.build_to(directory / "index", hashes)  # the registry's own build path (streams chunks to disk)
    build_s = time.perf_counter() - t0
    save_s = 0.0  # included in build_s
    np.save(directory / "queries.npy", np.stack(qs))
    np.save(directory / "planted.npy", planted_rows)
    return {"generate_s": gen_s, "build_s": build_s, "save_s": save_s, "build_peak_rss_mb": _peak_rss_mb()}


def query_phase(directory: Path, brute_queries: int) -> dict:
    from gazoguard.hashes.index import MIHIndex, brute_force_search

    t0 = time.perf_counter()
    index = MIHIndex.load(directory / "index")
    load_s = time.perf_counter() - t0
    queries = np.load(directory / "queries.npy")
    planted = np.load(directory / "planted.npy")
    index.search(queries[0], THRESHOLD)  # first touch of the offsets
    times, results = [], []
    for q in queries:
        t0 = time.perf_counter()
        results.append(index.search(q, THRESHOLD))
        times.append(time.perf_counter() - t0)
    found_planted = sum(int(planted[i] in set(results[i][0].tolist())) for i in range(len(planted)))
    rss_after_queries = _peak_rss_mb()
    brute_times, agree = [], 0
    picks = list(range(0, len(queries), max(1, len(queries) // brute_queries)))[:brute_queries]
    for i in picks:
        t0 = time.perf_counter()
        ids, d = brute_force_search(index.hashes, queries[i], THRESHOLD)
        brute_times.append(time.perf_counter() - t0)
        agree += sorted(ids.tolist()) == sorted(results[i][0].tolist())
    ms = np.array(times) * 1000
    return {
        "load_s": load_s,
        "query_p50_ms": float(np.percentile(ms, 50)),
        "query_p95_ms": float(np.percentile(ms, 95)),
        "planted_found": f"{found_planted}/{len(planted)}",
        "query_peak_rss_mb": rss_after_queries,
        "brute_p50_ms": float(np.median(brute_times) * 1000),
        "brute_agrees": f"{agree}/{len(picks)}",
        "peak_rss_incl_brute_mb": _peak_rss_mb(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[1_000_000, 10_000_000], help="registry sizes")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--brute-queries", type=int, default=8)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed afterwards)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--phase", choices=("build", "query"), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "build":
        print(json.dumps(build_phase(args.size, args.queries, args.dir, args.seed)))
        return 0
    if args.phase == "query":
        print(json.dumps(query_phase(args.dir, args.brute_queries)))
        return 0

    rows = []
    for n in args.n:
        work = Path(args.dir or tempfile.mkdtemp(prefix="gazo-bench-")) / f"n{n}"
        work.mkdir(parents=True, exist_ok=True)
        common = [sys.executable, __file__, "--dir", str(work), "--queries", str(args.queries), "--seed", str(args.seed)]
        built = json.loads(subprocess.run(common + ["--phase", "build", "--size", str(n)], check=True,
                                          capture_output=True, text=True).stdout)
        queried = json.loads(subprocess.run(common + ["--phase", "query", "--brute-queries", str(args.brute_queries)],
                                            check=True, capture_output=True, text=True).stdout)
        disk = sum(p.stat().st_size for p in (work / "index").iterdir()) / 2**20
        row = {"n": n, **built, **queried, "index_disk_mb": disk,
               "speedup_vs_brute": queried["brute_p50_ms"] / queried["query_p50_ms"]}
        rows.append(row)
        print(json.dumps(row), flush=True)
        if not args.dir:
            shutil.rmtree(work.parent, ignore_errors=True)

    print("\nN           build s  load ms  p50 ms  p95 ms  brute p50 ms  ratio  RSS build/query MB  found  agree")
    for r in rows:
        print(f"{r['n']:<11,} {r['build_s']:7.1f}  {r['load_s']*1000:7.1f}  {r['query_p50_ms']:6.2f}  "
              f"{r['query_p95_ms']:6.2f}  {r['brute_p50_ms']:12.1f}  {r['speedup_vs_brute']:5.0f}×  "
              f"{r['build_peak_rss_mb']:7.0f}/{r['query_peak_rss_mb']:<7.0f}  {r['planted_found']}  {r['brute_agrees']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
