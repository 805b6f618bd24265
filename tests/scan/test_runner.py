"""The driver reports every image exactly once — in-process or on Ray, after a killed worker or a killed driver."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest
from scan_support import DETECTORS, make_folder, rows_without_timing

from gazoguard.scan.ledger import Ledger
from gazoguard.scan.runner import RayPool, scan
from gazoguard.scan.sources import iter_sources
from gazoguard.scan.worker import ScanConfig, engine_version

CONFIG = ScanConfig(detectors=DETECTORS)


def _expected(source) -> set[tuple[str, str]]:
    return {(e.source, e.path) for e in iter_sources([str(source)])}


def _keys(ledger: Ledger) -> list[tuple[str, str]]:
    return [(r["source"], r["path"]) for r, _ in ledger.rows()]


def _ledger(path) -> Ledger:
    return Ledger.open(path, {"engine": engine_version(CONFIG), "policy": "none"})


@pytest.fixture(scope="module")
def in_process_run(small_archive, tmp_path_factory):
    ledger = _ledger(tmp_path_factory.mktemp("inproc"))
    tally = scan(iter_sources([str(small_archive)]), ledger, CONFIG)
    return ledger, tally


def test_every_entry_of_the_archive_gets_exactly_one_row(in_process_run, small_archive):
    ledger, tally = in_process_run
    keys = _keys(ledger)
    assert len(keys) == len(set(keys)) and set(keys) == _expected(small_archive)
    assert (tally.checked, tally.reused, tally.listed) == (24, 1, 1)  # the exact copy of img000 is not checked again


def test_rows_carry_the_findings_of_the_cheap_detectors(in_process_run):
    ledger, _ = in_process_run
    rows = {r["path"]: (r, f) for r, f in ledger.rows()}
    gps_row, gps_findings = rows["chat-b/img000.jpg"]
    assert "gps" in gps_row["kinds"] and gps_row["n_findings"] == len(gps_findings) > 0
    assert rows["chat-a/copy-of-img000.jpg"][0]["kinds"] == gps_row["kinds"]
    qr_row, _ = rows["chat-a/img007.jpg"]
    assert qr_row["categories"] and "code" in qr_row["categories"]
    assert rows["chat-a/img001.jpg"][0]["level"] == "safe"
    assert all(not f["has_text"] or "text" not in f for _, fs in rows.values() for f in fs)  # no read text is kept


def test_a_rerun_checks_nothing_again(in_process_run, small_archive):
    ledger, _ = in_process_run
    again = scan(iter_sources([str(small_archive)]), ledger, CONFIG)
    assert (again.checked, again.reused, again.listed, again.already) == (0, 0, 0, 26)


def test_an_interrupted_run_resumes_where_it_stopped(small_archive, tmp_path):
    ledger = _ledger(tmp_path)

    def stop_after_five(kind, row, tally):
        if tally.seen >= 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        scan(iter_sources([str(small_archive)]), ledger, CONFIG, on_row=stop_after_five)
    done_before = ledger.count()
    assert 0 < done_before < 26
    rest = scan(iter_sources([str(small_archive)]), ledger, CONFIG)
    assert rest.already == done_before and rest.checked + rest.reused + rest.listed == 26 - done_before
    assert sorted(_keys(ledger)) == sorted(_expected(small_archive))


def test_ray_actors_give_the_same_rows_as_the_in_process_path(ray_cluster, in_process_run, small_archive, tmp_path):
    ledger = _ledger(tmp_path)
    pool = RayPool(CONFIG, address=ray_cluster.address, workers=2)
    try:
        scan(iter_sources([str(small_archive)]), ledger, CONFIG, pool=pool)
    finally:
        pool.close()
    assert rows_without_timing(ledger) == rows_without_timing(in_process_run[0])


def test_a_killed_worker_loses_and_duplicates_nothing(ray_cluster, in_process_run, small_archive, tmp_path):
    ledger = _ledger(tmp_path)
    pool = RayPool(CONFIG, address=ray_cluster.address, workers=2)
    victim = pool.pids()[0]
    killed = []

    def kill_once(kind, row, tally):
        if kind == "checked" and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(tally.seen)

    try:
        scan(iter_sources([str(small_archive)]), ledger, CONFIG, pool=pool, on_row=kill_once)
        assert victim not in pool.pids()  # the actor really died and another process took over
    finally:
        pool.close()
    assert killed and killed[0] < 26
    keys = _keys(ledger)
    assert len(keys) == len(set(keys)) == 26 and set(keys) == _expected(small_archive)
    assert not [r for r, _ in ledger.rows() if r["status"] == "error" and r["reason"] == "worker_failed"]
    assert rows_without_timing(ledger) == rows_without_timing(in_process_run[0])


@pytest.fixture(scope="module")
def slower_archive(tmp_path_factory):
    """Larger pictures, so a run lasts long enough to be killed in the middle."""
    return make_folder(tmp_path_factory.mktemp("slow") / "export", 40, size=(1600, 1200))


def _cli(cluster, source, out, *extra) -> subprocess.Popen:
    command = [sys.executable, "-m", "gazoguard", "scan", str(source), "--out", str(out), "--json", "--no-report",
               "--detectors", ",".join(DETECTORS), "--address", cluster.address, *extra]
    return subprocess.Popen(command, env=cluster.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_of_the_driver_then_a_rerun_loses_and_duplicates_nothing(ray_cluster, slower_archive, tmp_path):
    out = tmp_path / "run"
    driver = _cli(ray_cluster, slower_archive, out)
    rows_seen = 0
    for line in driver.stdout:
        if json.loads(line).get("event") == "row":
            rows_seen += 1
            if rows_seen == 4:
                driver.send_signal(signal.SIGKILL)
                break
    driver.wait(timeout=60)
    assert driver.returncode == -signal.SIGKILL, driver.stderr.read()
    ledger = Ledger(out / "ledger.sqlite")
    interrupted = ledger.count()
    ledger.close()
    assert 4 <= interrupted < 42  # killed in the middle
    rerun = _cli(ray_cluster, slower_archive, out)
    stdout, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    done = json.loads(stdout.strip().splitlines()[-1])
    assert done["event"] == "done" and done["already"] == interrupted and done["results"] == 42
    table = pq.read_table(out / "results.parquet").to_pylist()
    keys = [(r["source"], r["path"]) for r in table]
    assert len(keys) == len(set(keys)) == 42 and set(keys) == _expected(slower_archive)
    assert sum(1 for _ in open(out / "results.jsonl", encoding="utf-8")) == 42


@pytest.mark.slow
def test_two_raylets_share_the_scan_and_give_the_local_rows(ray_cluster, in_process_run, small_archive, tmp_path):
    import ray

    node = ray_cluster.add_node(cpus=1)
    try:
        deadline = time.monotonic() + 120
        while ray.cluster_resources().get("CPU", 0) < 3 or len([n for n in ray.nodes() if n["Alive"]]) < 2:
            assert node.poll() is None and time.monotonic() < deadline, "the second raylet did not join:\n" + ray_cluster.log_tail("node1")
            time.sleep(0.5)
        ledger = _ledger(tmp_path)
        pool = RayPool(CONFIG, address=ray_cluster.address, workers=3)
        try:
            nodes = pool.nodes()
            scan(iter_sources([str(small_archive)]), ledger, CONFIG, pool=pool)
        finally:
            pool.close()
        assert len(set(nodes)) == 2  # actors on both raylets
        assert rows_without_timing(ledger) == rows_without_timing(in_process_run[0])
    finally:
        ray_cluster.stop_proc(node)
