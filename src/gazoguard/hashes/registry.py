"""A registry of PDQ hashes on disk: what a platform matches uploads against.

Layout::

    DIR/registry.json        count of committed rows, rows covered by the index, index folder
    DIR/rows.bin             N × 32 bytes, one PDQ hash per row (append-only; bytes past
                             ``count`` are the remains of an interrupted add and are ignored)
    DIR/owners.bin           N × 8 bytes: submission number, item number, variant (index in VARIANTS)
    DIR/index-<gen>/         MIHIndex over the first ``indexed`` rows (memory-mapped)
    DIR/submissions.sqlite   one row per registered hash file: case number, hashed PIN, state

Rows added since the last index build (at most ``TAIL_LIMIT``) are searched by
brute force; past that the index is rebuilt.  Withdrawing a submission zeroes
its rows and rebuilds the index, so its hashes are really gone.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from gazoguard.core.atomic import write_text_atomic
from gazoguard.core.errors import GazoError
from gazoguard.core.private_files import private_dir, private_file
from gazoguard.hashes.bits import HASH_BYTES, hex_to_bytes
from gazoguard.hashes.compute import VARIANTS
from gazoguard.hashes.hashfile import HashFile
from gazoguard.hashes.index import MIHIndex, brute_force_search

REGISTRY_FORMAT = "gazoguard.registry/1"
DEFAULT_THRESHOLD = 31
MAX_THRESHOLD = 63
TAIL_LIMIT = 65_536
OWNER_DTYPE = np.dtype([("submission", "<u4"), ("item", "<u2"), ("variant", "u1"), ("pad", "u1")])


@dataclass(frozen=True)
class Match:
    submission_id: str
    case_no: str | None
    item: int
    variant: str
    distance: int

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class Submission:
    submission_id: str
    case_no: str | None
    created_at: str
    items: int
    hashes: int
    low_quality: int
    withdrawn_at: str | None = None


def check_threshold(threshold: int) -> int:
    if not isinstance(threshold, int) or not 0 <= threshold <= MAX_THRESHOLD:
        raise GazoError("bad_threshold", max=MAX_THRESHOLD, value=threshold)
    return threshold


class Registry:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._state_mtime: int | None = None
        self.refresh()

    # -- opening ---------------------------------------------------------
    @classmethod
    def open(cls, root: str | Path, *, create: bool = False) -> "Registry":
        root = Path(root)
        if not (root / "registry.json").is_file():
            if not create:
                raise GazoError("registry_not_found", path=str(root))
            private_dir(root)
            with _lock(root):
                if not (root / "registry.json").is_file():
                    _init_db(root)
                    for name in ("rows.bin", "owners.bin"):
                        (root / name).touch()
                    _write_state(root, {"format": REGISTRY_FORMAT, "count": 0, "indexed": 0, "index_dir": None})
        return cls(root)

    def refresh(self) -> None:
        """Re-read the on-disk state if another process changed it (cheap: one stat)."""
        state_path = self.root / "registry.json"
        try:
            mtime = state_path.stat().st_mtime_ns
        except FileNotFoundError:
            raise GazoError("registry_not_found", path=str(self.root)) from None
        if mtime == self._state_mtime:
            return
        try:
            state = json.loads(state_path.read_text(encoding="utf-8"))
            if state.get("format") != REGISTRY_FORMAT:
                raise ValueError("unknown format")
            count = int(state["count"])
            rows = np.memmap(self.root / "rows.bin", dtype=np.uint8, mode="r") if count else np.zeros(0, np.uint8)
            owners = np.memmap(self.root / "owners.bin", dtype=OWNER_DTYPE, mode="r") if count else np.zeros(0, OWNER_DTYPE)
            self.rows = np.asarray(rows[: count * HASH_BYTES]).reshape(count, HASH_BYTES)
            self.owners = owners[:count]
            self.indexed = int(state["indexed"])
            self.index = MIHIndex.load(self.root / state["index_dir"]) if state.get("index_dir") else None
            with _db(self.root) as db:
                subs = db.execute("SELECT rowid, public_id, case_no, withdrawn_at FROM submissions").fetchall()
        except (OSError, ValueError, KeyError, TypeError, sqlite3.Error) as exc:
            raise GazoError("registry_corrupt", path=str(self.root), detail=str(exc)[:160]) from None
        self._subs = {rowid: (pid, case, withdrawn) for rowid, pid, case, withdrawn in subs}
        self._state_mtime = mtime

    # -- matching --------------------------------------------------------
    def match_hash(self, query: np.ndarray | str, threshold: int = DEFAULT_THRESHOLD) -> list[Match]:
        """Every active registered hash within ``threshold`` bits of ``query``, nearest first, one per item."""
        check_threshold(threshold)
        self.refresh()
        q = hex_to_bytes(query) if isinstance(query, str) else np.asarray(query, dtype=np.uint8).reshape(HASH_BYTES)
        ids, dists = [], []
        if self.index is not None:
            found, d = self.index.search(q, threshold)
            ids.append(found)
            dists.append(d)
        if len(self.rows) > self.indexed:
            found, d = brute_force_search(self.rows[self.indexed :], q, threshold)
            ids.append(found + self.indexed)
            dists.append(d)
        if not ids:
            return []
        all_ids, all_d = np.concatenate(ids), np.concatenate(dists)
        matches: dict[tuple[int, int], Match] = {}
        for row, dist in sorted(zip(all_ids.tolist(), all_d.tolist()), key=lambda x: x[1]):
            owner = self.owners[row]
            sub = self._subs.get(int(owner["submission"]))
            if sub is None or sub[2] is not None:
                continue  # withdrawn
            key = (int(owner["submission"]), int(owner["item"]))
            if key not in matches:
                matches[key] = Match(sub[0], sub[1], int(owner["item"]), VARIANTS[int(owner["variant"])], int(dist))
        return list(matches.values())

    def match_any(self, queries: list[np.ndarray], threshold: int = DEFAULT_THRESHOLD) -> list[Match]:
        """Matches for several hashes of one upload (e.g. with and without borders), best distance per item."""
        best: dict[tuple[str, int], Match] = {}
        for q in queries:
            for m in self.match_hash(q, threshold):
                key = (m.submission_id, m.item)
                if key not in best or m.distance < best[key].distance:
                    best[key] = m
        return sorted(best.values(), key=lambda m: m.distance)

    # -- changing --------------------------------------------------------
    def add(self, hashfile: HashFile, *, case_no: str | None = None, secret_hash: str | None = None,
            now: datetime | None = None) -> Submission:
        if not hashfile.items:
            raise GazoError("no_hashes")
        new_rows, new_owners = [], []
        with _lock(self.root):
            self._recover()
            created = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
            public_id = "reg-" + uuid.uuid4().hex[:16]
            low = sum(1 for item in hashfile.items if item.low_quality)
            with _db(self.root) as db:
                # inactive (like a withdrawn one) until its rows are counted: a killed add is never half-matched
                cur = db.execute(
                    "INSERT INTO submissions (public_id, case_no, secret_hash, created_at, withdrawn_at, items, hashes,"
                    " low_quality) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (public_id, case_no, secret_hash, created, PENDING + created, len(hashfile.items),
                     sum(len(i.pdq) for i in hashfile.items), low),
                )
                sub_rowid = int(cur.lastrowid)
            for item_no, item in enumerate(hashfile.items):
                for variant, hex_hash in item.pdq.items():
                    new_rows.append(hex_to_bytes(hex_hash))
                    new_owners.append((sub_rowid, item_no, VARIANTS.index(variant), 0))
            count = len(self.rows)
            _append(self.root / "rows.bin", count * HASH_BYTES, np.stack(new_rows).tobytes())
            _append(self.root / "owners.bin", count * OWNER_DTYPE.itemsize, np.array(new_owners, OWNER_DTYPE).tobytes())
            state = self._state()
            state["count"] = count + len(new_rows)
            _write_state(self.root, state)
            with _db(self.root) as db:
                db.execute("UPDATE submissions SET withdrawn_at = NULL WHERE rowid = ?", (sub_rowid,))
            _write_state(self.root, state)  # a new mtime: every process re-reads the submissions
            self.refresh()
            if len(self.rows) - self.indexed > TAIL_LIMIT:
                self._rebuild()
        return Submission(public_id, case_no, created, len(hashfile.items), len(new_rows), low)

    def recover(self) -> int:
        """Clean up after a process killed while changing the registry; returns the abandoned additions."""
        with _lock(self.root):
            return self._recover()

    def _recover(self) -> int:
        """Under the lock (so no other change is in flight): abandon pending additions (their rows are zeroed),
        remove temporary files and index folders that the state does not name."""
        self._state_mtime = None
        self.refresh()
        with _db(self.root) as db:
            pending = [r for (r,) in db.execute("SELECT rowid FROM submissions WHERE withdrawn_at LIKE ?", (PENDING + "%",))]
            if pending:
                when = datetime.now(timezone.utc).isoformat(timespec="seconds")
                db.executemany("UPDATE submissions SET withdrawn_at = ?, secret_hash = NULL WHERE rowid = ?",
                               [(ABANDONED + when, r) for r in pending])
        if pending:
            self._zero_rows(np.nonzero(np.isin(self.owners["submission"], pending))[0])
        state = self._state()
        for path in self.root.iterdir():
            if path.name.endswith(".tmp") and path.name.startswith("."):
                path.unlink(missing_ok=True)
            elif path.is_dir() and path.name.startswith("index-") and path.name != state.get("index_dir"):
                shutil.rmtree(path, ignore_errors=True)
        if pending:
            self._rebuild()
        return len(pending)

    def _zero_rows(self, rows: np.ndarray) -> None:
        with open(self.root / "rows.bin", "r+b") as fh:
            for r in rows.tolist():
                fh.seek(r * HASH_BYTES)
                fh.write(bytes(HASH_BYTES))
            fh.flush()
            os.fsync(fh.fileno())

    def secret_hash_of(self, submission_id: str) -> str | None:
        with _db(self.root) as db:
            row = db.execute(
                "SELECT secret_hash FROM submissions WHERE public_id = ? AND withdrawn_at IS NULL", (submission_id,)
            ).fetchone()
        return row[0] if row else None

    def withdraw(self, submission_id: str, *, now: datetime | None = None) -> int:
        """Remove a submission's hashes for good (rows zeroed, index rebuilt); returns how many rows."""
        with _lock(self.root):
            with _db(self.root) as db:
                row = db.execute("SELECT rowid FROM submissions WHERE public_id = ?", (submission_id,)).fetchone()
                if row is None:
                    raise GazoError("wrong_secret")
                when = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
                db.execute("UPDATE submissions SET withdrawn_at = ?, secret_hash = NULL WHERE rowid = ?", (when, row[0]))
            self._state_mtime = None
            self.refresh()
            rows = np.nonzero(self.owners["submission"] == row[0])[0]
            self._zero_rows(rows)
            self._rebuild()
        return int(rows.size)

    def rebuild(self) -> None:
        with _lock(self.root):
            self._rebuild()

    def _rebuild(self) -> None:
        state = self._state()
        gen = int(state.get("generation", 0)) + 1
        new_dir = f"index-{gen}"
        MIHIndex.build_to(self.root / new_dir, self.rows)
        old = state.get("index_dir")
        state.update({"indexed": len(self.rows), "index_dir": new_dir, "generation": gen})
        _write_state(self.root, state)
        if old and old != new_dir:
            shutil.rmtree(self.root / old, ignore_errors=True)  # open mmaps stay valid on POSIX
        self._state_mtime = None
        self.refresh()

    def _state(self) -> dict[str, Any]:
        return json.loads((self.root / "registry.json").read_text(encoding="utf-8"))

    # -- reporting -------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        self.refresh()
        with _db(self.root) as db:
            total, active, items, low = db.execute(
                "SELECT COUNT(*), COUNT(*) - COUNT(withdrawn_at),"
                " COALESCE(SUM(CASE WHEN withdrawn_at IS NULL THEN items END), 0),"
                " COALESCE(SUM(CASE WHEN withdrawn_at IS NULL THEN low_quality END), 0) FROM submissions"
            ).fetchone()
        withdrawn = [rowid for rowid, sub in self._subs.items() if sub[2] is not None]
        active_rows = len(self.rows) - int(np.isin(self.owners["submission"], withdrawn).sum())
        return {
            "submissions": total,
            "active_submissions": active,
            "withdrawn_submissions": total - active,
            "active_items": items,
            "low_quality_items": low,
            "rows": len(self.rows),
            "active_rows": active_rows,
            "indexed_rows": self.indexed,
            "disk_bytes": sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file()),
        }


PENDING = "pending:"  # withdrawn_at of an addition still being written
ABANDONED = "abandoned:"  # … and of one whose process died before it was complete


def _append(path: Path, valid_bytes: int, data: bytes) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(valid_bytes)  # drop the remains of an interrupted add
        fh.seek(valid_bytes)
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _write_state(root: Path, state: dict[str, Any]) -> None:
    write_text_atomic(root / "registry.json", json.dumps(state, sort_keys=True) + "\n")


def _init_db(root: Path) -> None:
    with _db(root) as db:
        db.execute(
            "CREATE TABLE IF NOT EXISTS submissions (public_id TEXT UNIQUE NOT NULL, case_no TEXT, secret_hash TEXT,"
            " created_at TEXT NOT NULL, withdrawn_at TEXT, items INTEGER, hashes INTEGER, low_quality INTEGER)"
        )


@contextmanager
def _db(root: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(private_file(root / "submissions.sqlite"), timeout=30)  # case numbers, PIN hashes: 0600
    try:
        with conn:
            yield conn
    finally:
        conn.close()


@contextmanager
def _lock(root: Path) -> Iterator[None]:
    with open(root / ".lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
