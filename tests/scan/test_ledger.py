"""The run ledger records each (source, path, sha256) once and refuses to mix engine or policy versions."""

from __future__ import annotations

import pytest

from gazoguard.scan.ledger import Ledger, VersionMismatch
from gazoguard.scan.worker import base_row


def _row(path: str, sha: str = "ab" * 32) -> dict:
    return base_row({"source": "/s", "path": path, "sha256": sha, "size": 1, "mtime": 0.0}, status="ok")


def test_a_result_is_recorded_once_however_often_it_arrives(tmp_path):
    ledger = Ledger.open(tmp_path, {"engine": "e1", "policy": "p1"})
    assert ledger.record(_row("a.jpg"), []) is True
    assert ledger.record(_row("a.jpg"), [{"kind": "gps"}]) is False
    assert ledger.count() == 1 and ledger.has("/s", "a.jpg", "ab" * 32)
    assert [r["path"] for r, _ in ledger.rows()] == ["a.jpg"]


def test_the_same_bytes_under_two_names_are_two_rows(tmp_path):
    ledger = Ledger.open(tmp_path, {"engine": "e1"})
    ledger.record(_row("a.jpg"), [])
    ledger.record(_row("b.jpg"), [])
    assert ledger.count() == 2
    assert ledger.result_for_content("ab" * 32)[0]["path"] == "a.jpg"


def test_rows_come_back_in_order_across_batches(tmp_path):
    ledger = Ledger.open(tmp_path, {"engine": "e1"})
    for n in reversed(range(25)):
        ledger.record(_row(f"{n:02d}.jpg", f"{n:064x}"), [])
    assert [r["path"] for r, _ in ledger.rows(batch=4)] == [f"{n:02d}.jpg" for n in range(25)]


def test_a_changed_engine_or_policy_is_reported_not_mixed(tmp_path):
    Ledger.open(tmp_path, {"engine": "e1", "policy": "p1"}).record(_row("a.jpg"), [])
    with pytest.raises(VersionMismatch) as engine_changed:
        Ledger.open(tmp_path, {"engine": "e2", "policy": "p1"})
    assert engine_changed.value.key == "engine" and "e1" in engine_changed.value.message_en
    with pytest.raises(VersionMismatch) as policy_changed:
        Ledger.open(tmp_path, {"engine": "e1", "policy": "p2"})
    assert policy_changed.value.key == "policy" and "ポリシー" in policy_changed.value.message_ja
    fresh = Ledger.open(tmp_path, {"engine": "e2", "policy": "p2"}, restart=True)
    assert fresh.count() == 0 and fresh.meta() == {"engine": "e2", "policy": "p2"}
