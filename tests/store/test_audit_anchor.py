"""Truncation caught by the signed checkpoints outside the database: the tail with or without the head row,
the head row alone with the tail, an emptied log; a forged checkpoint; an exported head checked later."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from gazoguard.cli.main import main
from gazoguard.store import audit
from gazoguard.store.anchor import CHECKPOINTS, AuditAnchor


@pytest.fixture()
def anchored(store, tmp_path):
    store.anchor = AuditAnchor(tmp_path / "anchor")
    for i in range(6):
        with store.session() as session:
            audit.append(store, session, f"user:u{i}", "view", f"case:{i:032x}", org_id="org-a", n=i)
    return store


def _problems(store, expected=()):  # type: ignore[no-untyped-def]
    with store.session() as session:
        return [(b.seq, b.problem) for b in audit.verify(session, store.anchor, list(expected))]


def test_an_intact_anchored_log_verifies(anchored):
    assert _problems(anchored) == []
    assert anchored.anchor.read().newest.seq == 6


def test_a_rolled_back_append_writes_no_checkpoint(anchored):
    with pytest.raises(RuntimeError):
        with anchored.session() as session:
            audit.append(anchored, session, "user:x", "view", "case:x")
            raise RuntimeError("the change failed")
    assert anchored.anchor.read().newest.seq == 6 and _problems(anchored) == []


@pytest.mark.parametrize("sql", [
    ["DELETE FROM audit_log WHERE seq >= 5", "UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4)"],
    ["DELETE FROM audit_log WHERE seq >= 5", "DELETE FROM audit_head"],
    ["DELETE FROM audit_log", "DELETE FROM audit_head"],
    ["DELETE FROM audit_log"],
], ids=["tail and head rewritten", "tail and head row", "emptied", "emptied, head kept"])
def test_truncation_is_caught(anchored, sql):
    with anchored.session() as session:
        for statement in sql:
            session.execute(text(statement))
    assert (6, "truncated") in _problems(anchored)


def test_a_rewritten_chain_disagrees_with_the_checkpoint(anchored):
    """Replace the log by a fresh, self-consistent chain of the same length: the hashes differ from the anchor."""
    with anchored.session() as session:
        session.execute(text("DELETE FROM audit_log"))
        session.execute(text("DELETE FROM audit_head"))
    saved, anchored.anchor = anchored.anchor, None  # the forger writes through the database only
    for i in range(6):
        with anchored.session() as session:
            audit.append(anchored, session, "user:forger", "view", "case:0", n=i)
    anchored.anchor = saved
    assert ("anchor_mismatch" in {p for _, p in _problems(anchored)})


def test_a_forged_checkpoint_line_is_reported(anchored):
    path = anchored.anchor.folder / CHECKPOINTS
    line = json.loads(path.read_text().splitlines()[-1])
    line["seq"] = 2
    path.write_text(path.read_text() + json.dumps(line) + "\n")
    assert (0, "anchor_forged") in _problems(anchored)


def test_an_exported_head_catches_truncation_even_with_the_anchor_folder_gone(anchored, database_url, tmp_path, capsys):
    data = tmp_path / "cli"
    args = ["--database-url", database_url, "--data-dir", str(data), ]
    head_file = tmp_path / "head.json"
    # the CLI's anchor folder is data/audit-anchor: point it at the test's anchor
    import os
    os.environ["GAZOGUARD_AUDIT_ANCHOR_DIR"] = str(anchored.anchor.folder)
    try:
        assert main(["audit", "export-head", *args, "-o", str(head_file)]) == 0
        head = json.loads(head_file.read_text())
        assert head["count"] == 6 and len(head["hash"]) == 64 and head["public_key"]
        assert main(["audit", "verify", *args, "--expect", str(head_file)]) == 0
        with anchored.session() as session:
            session.execute(text("DELETE FROM audit_log WHERE seq = 6"))
            session.execute(text("UPDATE audit_head SET seq = 5, hash = (SELECT hash FROM audit_log WHERE seq = 5)"))
        (anchored.anchor.folder / CHECKPOINTS).unlink()  # the attacker also removed the local checkpoints
        assert main(["audit", "verify", *args, "--expect", str(head_file)]) == 1
        assert "#6" in capsys.readouterr().err
        head["seq"] = 5  # a tampered export fails its signature
        head_file.write_text(json.dumps(head))
        assert main(["audit", "verify", *args, "--expect", str(head_file)]) == 2
    finally:
        del os.environ["GAZOGUARD_AUDIT_ANCHOR_DIR"]


def test_entries_can_be_listed_per_organisation(anchored):
    with anchored.session() as session:
        audit.append(anchored, session, "user:b", "view", "case:b", org_id="org-b")
        assert {e.org_id for e in audit.entries(session, org_id="org-b")} == {"org-b"}
        assert len(audit.entries(session, org_id="org-a")) == 6
        assert len(audit.entries(session)) == 7
    assert _problems(anchored) == []  # org_id is part of the hash and verifies
    with anchored.session() as session:
        session.execute(text("UPDATE audit_log SET org_id = 'org-a' WHERE seq = 7"))
    assert (7, "edited") in _problems(anchored)
