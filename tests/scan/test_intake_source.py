"""The intake gateway's own store is a scan source: its kept pictures are read from the vault, in memory."""

from __future__ import annotations

from pathlib import Path

from gazoguard.intake.gateway import Gateway
from gazoguard.intake.policies import register_policy
from gazoguard.intake.service import IntakeRequest, IntakeService
from gazoguard.intake.testing import ScriptedChecker, scripted_picture
from gazoguard.scan.sources import iter_intake

EXAMPLE_POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"


def test_the_kept_intake_pictures_are_entries_and_a_damaged_vault_file_is_an_error_row(tmp_path):
    gateway = Gateway.open(f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path / "data")
    try:
        with gateway.store.session() as session:
            register_policy(gateway.store, session, EXAMPLE_POLICY.read_text(encoding="utf-8"), "test")
        service = IntakeService(gateway.store, gateway.vault, ScriptedChecker())
        kept = service.receive(IntakeRequest("sakura-zakka", "web-chat", "C-1", "cust-1", "inquiry", scripted_picture("product")), actor="t")
        service.receive(IntakeRequest("sakura-zakka", "web-chat", "C-2", "cust-2", "inquiry", scripted_picture("sexual")), actor="t")
        entries = list(iter_intake(gateway))
        assert [e.path for e in entries] == [f"{kept.case_ref}/{kept.image_ref}"]  # a refused picture was never kept
        assert entries[0].data == scripted_picture("product") and entries[0].mtime
        for vault_file in (tmp_path / "data" / "vault").iterdir():
            vault_file.write_bytes(b"GGV1" + b"\0" * 40)
        (damaged,) = iter_intake(gateway)
        assert (damaged.status, damaged.reason) == ("error", "vault_unreadable")
    finally:
        gateway.close()
