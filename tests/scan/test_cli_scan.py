"""``gazoguard scan`` end to end (in-process): every output file, dry-run by default, a changed policy refused."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from scan_support import DETECTORS

from gazoguard.cli.main import main

EXAMPLE_POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"
FILES = ("ledger.sqlite", "results.parquet", "findings.parquet", "results.jsonl", "findings.jsonl",
         "duplicates.jsonl", "plan.jsonl", "report.html")


def _scan(source, out, *extra) -> int:
    return main(["scan", str(source), "--out", str(out), "--in-process", "--detectors", ",".join(DETECTORS), *extra])


def test_a_scan_writes_every_table_and_the_report_and_moves_nothing(small_archive, tmp_path, capsys):
    before = sorted(p.name for p in small_archive.rglob("*"))
    assert _scan(small_archive, tmp_path / "run", "--policy", str(EXAMPLE_POLICY), "--json") == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["event"] for e in events].count("row") == 26 and events[-1]["event"] == "done"
    assert events[-1]["results"] == 26 and "applied" not in events[-1]
    assert all((tmp_path / "run" / name).is_file() for name in FILES)
    results = pq.read_table(tmp_path / "run" / "results.parquet").to_pylist()
    findings = pq.read_table(tmp_path / "run" / "findings.parquet").to_pylist()
    assert len(results) == 26 and sum(r["n_findings"] for r in results) == len(findings) > 0
    groups = [json.loads(line) for line in open(tmp_path / "run" / "duplicates.jsonl", encoding="utf-8")]
    assert {"kind": "exact", "count": 2} in [{"kind": g["kind"], "count": g["count"]} for g in groups]
    assert sorted(p.name for p in small_archive.rglob("*")) == before


def test_a_changed_policy_is_reported_and_refused(small_archive, tmp_path, capsys):
    assert _scan(small_archive, tmp_path / "run") == 0
    assert _scan(small_archive, tmp_path / "run", "--policy", str(EXAMPLE_POLICY)) == 2
    assert "ポリシー" in capsys.readouterr().err
    assert _scan(small_archive, tmp_path / "run", "--policy", str(EXAMPLE_POLICY), "--restart") == 0
