"""The audit chain detects an edited, removed or reordered entry, and `gazoguard audit verify` names it."""

from __future__ import annotations

from sqlalchemy import text

from gazoguard.cli.main import main
from gazoguard.store import audit


def _fill(store, n: int = 5) -> None:
    for i in range(n):
        with store.session() as session:
            audit.append(store, session, f"user:u{i}", "view", f"case:{i:032x}", n=i)


def _verify(store):
    with store.session() as session:
        return audit.verify(session)


def test_intact_chain_verifies(store):
    _fill(store)
    assert _verify(store) == []


def test_edited_entry_is_named(store):
    _fill(store)
    with store.session() as session:
        session.execute(text("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 3"))
    breaks = _verify(store)
    assert [(b.seq, b.problem) for b in breaks] == [(3, "edited")]


def test_removed_entry_is_detected(store):
    _fill(store)
    with store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    assert [(b.seq, b.problem) for b in _verify(store)] == [(3, "missing")]


def test_removed_newest_entry_is_detected(store):
    _fill(store)
    with store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 5"))
    assert [b.problem for b in _verify(store)] == ["head_mismatch"]


def test_reordered_entries_are_detected(store):
    _fill(store)
    with store.session() as session:
        rows = {r.seq: r for r in session.execute(text("SELECT * FROM audit_log WHERE seq IN (2, 3)"))}
        # move entry 3 before entry 2 by swapping their contents, keeping the sequence numbers
        session.execute(text("UPDATE audit_log SET seq = -1 WHERE seq = 2"))
        session.execute(text("UPDATE audit_log SET seq = 2 WHERE seq = 3"))
        session.execute(text("UPDATE audit_log SET seq = 3 WHERE seq = -1"))
        assert rows  # both rows existed
    breaks = _verify(store)
    assert breaks and breaks[0].seq == 2


def test_relinked_reordering_is_detected(store):
    """A forger who swaps two entries and also fixes their prev_hash links still breaks the hashes."""
    _fill(store)
    with store.session() as session:
        h1 = session.execute(text("SELECT hash FROM audit_log WHERE seq = 1")).scalar_one()
        session.execute(text("UPDATE audit_log SET seq = -1 WHERE seq = 2"))
        session.execute(text("UPDATE audit_log SET seq = 2, prev_hash = :h WHERE seq = 3"), {"h": h1})
        h2 = session.execute(text("SELECT hash FROM audit_log WHERE seq = 2")).scalar_one()
        session.execute(text("UPDATE audit_log SET seq = 3, prev_hash = :h WHERE seq = -1"), {"h": h2})
    breaks = _verify(store)
    assert {b.seq for b in breaks} >= {2}


def test_cli_verify_exit_codes_and_names_the_entry(store, database_url, tmp_path, capsys):
    _fill(store)
    args = ["audit", "verify", "--database-url", database_url, "--data-dir", str(tmp_path / "cli")]
    assert main(args) == 0
    with store.session() as session:
        session.execute(text("UPDATE audit_log SET detail = '{\"n\": 99}' WHERE seq = 4"))
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "#4" in err and "edited" in err
