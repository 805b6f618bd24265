"""`kill -9` during registry additions: no partial file is left, and the registry stays consistent (every active
registration has all its rows, a killed one matches nothing and is marked abandoned, a new addition works)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np

from gazoguard.hashes import HashFile, HashItem
from gazoguard.hashes.compute import VARIANTS
from gazoguard.hashes.registry import ABANDONED, PENDING, Registry, _db
from gazoguard.hashes.service import open_registry

SRC = Path(__file__).resolve().parents[2] / "src"
WRITER = textwrap.dedent("""
    import os, sys, secrets
    from pathlib import Path
    from gazoguard.hashes import HashFile, HashItem
    from gazoguard.hashes.compute import VARIANTS
    from gazoguard.hashes.service import register_hashfile
    root, marker = sys.argv[1], Path(sys.argv[2])
    n = 0
    while True:
        items = tuple(HashItem(str(i), {v: secrets.token_hex(32) for v in VARIANTS}, 90) for i in range(400))
        register_hashfile(root, HashFile(items), case_no=f"C-{n}", secret="pin-123456")
        n += 1
        marker.write_text(str(n))
""")


def _run_and_kill(root: Path, tmp: Path, rng: random.Random) -> None:
    marker = tmp / f"marker-{rng.random()}"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(root), str(marker)], env=env)
    try:
        deadline = time.time() + 120
        while not marker.exists():  # at least one addition completed
            assert time.time() < deadline and proc.poll() is None, "the writer did not start"
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.6))  # then somewhere in the middle of another one
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def _assert_consistent(root: Path) -> None:
    leftovers = [p.name for p in root.iterdir() if p.name.endswith(".tmp")]
    registry = open_registry.__wrapped__(str(root), True)  # a fresh process would recover exactly like this
    assert not [p.name for p in root.iterdir() if p.name.endswith(".tmp")], leftovers
    state_dirs = [p.name for p in root.iterdir() if p.is_dir() and p.name.startswith("index-")]
    assert len(state_dirs) <= 1
    with _db(root) as db:
        subs = db.execute("SELECT rowid, withdrawn_at, hashes FROM submissions").fetchall()
    assert not [s for s in subs if s[1] and s[1].startswith(PENDING)]
    owners, rows = registry.owners, registry.rows
    for rowid, withdrawn, hashes in subs:
        mine = np.nonzero(owners["submission"] == rowid)[0]
        if withdrawn is None:
            assert len(mine) == hashes and rows[mine].any(axis=1).all(), rowid  # complete, nothing zeroed
        else:
            assert withdrawn.startswith(ABANDONED) and not rows[mine].any(), rowid  # nothing left to match
    stats = registry.stats()
    assert stats["active_rows"] == sum(h for _, w, h in subs if w is None)


def test_kill_9_during_registry_additions_leaves_it_consistent(tmp_path):
    root = tmp_path / "registry"
    Registry.open(root, create=True)
    rng = random.Random(21)
    for _ in range(8):
        _run_and_kill(root, tmp_path, rng)
        _assert_consistent(root)
    # and it still works: a new registration is found
    item = HashItem("x", {v: "ab" * 32 for v in VARIANTS}, 90)
    registry = Registry.open(root)
    sub = registry.add(HashFile((item,)), case_no="after")
    assert [m.submission_id for m in registry.match_hash("ab" * 32, 0)] == [sub.submission_id]


def test_a_pending_addition_is_never_matched_and_is_abandoned_on_recovery(tmp_path):
    root = tmp_path / "registry"
    registry = Registry.open(root, create=True)
    item = HashItem("x", {v: "cd" * 32 for v in VARIANTS}, 90)
    sub = registry.add(HashFile((item,)), case_no="half")
    with _db(root) as db:  # what a kill between writing the rows and activating the registration leaves
        db.execute("UPDATE submissions SET withdrawn_at = ? WHERE public_id = ?", (PENDING + "x", sub.submission_id))
    registry._state_mtime = None
    assert registry.match_hash("cd" * 32, 0) == []
    assert registry.recover() == 1
    assert registry.match_hash("cd" * 32, 0) == [] and registry.stats()["active_rows"] == 0
