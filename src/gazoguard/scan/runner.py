"""The scan driver: entries in, one ledger row per image out, on Ray actors or in this process.

The driver reads each entry once (its bytes and SHA-256), skips what the ledger already holds, and
keeps at most ``per_worker × workers`` images in flight, so its memory does not grow with the archive.
Each Ray actor holds one :class:`~gazoguard.scan.worker.Scanner` (models loaded once per actor).  A
killed actor is restarted by Ray and its images retried; an image whose worker keeps dying becomes an
error row.  Exact duplicates (the same bytes under another name) reuse the finished row.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from gazoguard.scan.ledger import Ledger
from gazoguard.scan.sources import Entry
from gazoguard.scan.worker import ScanConfig, Scanner, base_row, entry_meta

PER_WORKER_IN_FLIGHT = 2  # one image being checked, one waiting: a worker never idles on the driver
MAX_ATTEMPTS = 3
Rows = tuple[dict[str, Any], list[dict[str, Any]]]


@dataclass
class Work:
    meta: dict[str, Any]
    data: bytes = field(repr=False)


@dataclass
class Tally:
    """What a run did; ``checked`` + ``reused`` + ``listed`` rows were added, ``already`` were in the ledger."""

    checked: int = 0
    reused: int = 0
    listed: int = 0
    already: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seen(self) -> int:
        return self.checked + self.reused + self.listed + self.already


Event = Callable[[str, dict[str, Any], Tally], None]


def scan(entries: Iterable[Entry], ledger: Ledger, config: ScanConfig, *, pool: Any | None = None,
         on_row: Event | None = None) -> Tally:
    """Record every entry in ``ledger`` exactly once; ``pool`` None checks in this process."""
    tally = Tally()

    def done(kind: str, rows: Rows) -> None:
        if ledger.record(*rows):
            setattr(tally, kind, getattr(tally, kind) + 1)
        if on_row is not None:
            on_row(kind, rows[0], tally)

    works = _pending(entries, ledger, tally, done)
    if pool is None:
        scanner = Scanner(config)
        try:
            for work in works:
                done("checked", scanner.scan(work.meta, work.data))
        finally:
            scanner.close()
    else:
        pool.run(works, lambda rows: done("checked", rows))
    return tally


def _pending(entries: Iterable[Entry], ledger: Ledger, tally: Tally, done: Callable[[str, Rows], None]) -> Iterator[Work]:
    """The entries that still need a worker; the rest are recorded (or counted) here."""
    for entry in entries:
        if entry.data is None:
            meta = entry_meta(entry, "")
            if ledger.has(entry.source, entry.path, ""):
                tally.already += 1
            else:
                done("listed", (base_row(meta, status=entry.status, reason=entry.reason), []))
            continue
        meta = entry_meta(entry, hashlib.sha256(entry.data).hexdigest())
        if ledger.has(entry.source, entry.path, meta["sha256"]):
            tally.already += 1
            continue
        earlier = ledger.result_for_content(meta["sha256"])
        if earlier is not None:
            done("reused", _renamed(earlier, meta))
            continue
        yield Work(meta, entry.data)


def _renamed(rows: Rows, meta: dict[str, Any]) -> Rows:
    row, findings = rows
    place = {"source": meta["source"], "path": meta["path"]}
    fresh = base_row(meta, status=row["status"])
    row = {**row, **place, "file_time": fresh["file_time"]}
    return row, [{**f, **place} for f in findings]


def failed_row(meta: dict[str, Any], detail: str) -> Rows:
    return base_row(meta, status="error", reason="worker_failed", ja=f"検査中にワーカーが停止しました: {detail}",
                    en=f"The worker stopped while checking: {detail}"), []


class RayPool:
    """Scanner actors on a Ray cluster: a local one on this machine's cores, or the one at ``address``."""

    def __init__(self, config: ScanConfig, *, address: str | None = None, workers: int | None = None,
                 per_worker: int = PER_WORKER_IN_FLIGHT) -> None:
        import ray

        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        self._ray = ray
        self._owns = not ray.is_initialized()
        if self._owns:
            common = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
            if address:
                ray.init(address=address, **common)
            else:
                ray.init(num_cpus=workers or os.cpu_count() or 1, _node_ip_address="127.0.0.1", **common)
        count = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        self.config = config
        self.per_worker = per_worker
        self.actors = [self._new_actor() for _ in range(count)]

    def _new_actor(self) -> Any:
        return _actor_class().options(max_restarts=MAX_ATTEMPTS - 1, max_task_retries=MAX_ATTEMPTS - 1,
                                      scheduling_strategy="SPREAD").remote(self.config)

    def nodes(self) -> list[str]:
        """The Ray node id of each actor (where the work runs)."""
        return self._ray.get([a.node.remote() for a in self.actors])

    def pids(self) -> list[int]:
        return self._ray.get([a.pid.remote() for a in self.actors])

    def run(self, works: Iterable[Work], on_rows: Callable[[Rows], None]) -> None:
        load = [0] * len(self.actors)
        inflight: dict[Any, tuple[dict[str, Any], int, int, Any]] = {}
        limit = self.per_worker * len(self.actors)
        for work in works:
            while len(inflight) >= limit:
                self._drain_one(inflight, load, on_rows)
            self._submit(work.meta, self._ray.put(work.data), 1, inflight, load)
        while inflight:
            self._drain_one(inflight, load, on_rows)

    def _submit(self, meta: dict[str, Any], data_ref: Any, attempt: int, inflight: dict, load: list[int]) -> None:
        index = min(range(len(load)), key=load.__getitem__)
        ref = self.actors[index].scan.remote(meta, data_ref)
        inflight[ref] = (meta, index, attempt, data_ref)
        load[index] += 1

    def _drain_one(self, inflight: dict, load: list[int], on_rows: Callable[[Rows], None]) -> None:
        from ray.exceptions import RayActorError, RayTaskError, WorkerCrashedError

        ready, _ = self._ray.wait(list(inflight), num_returns=1)
        meta, index, attempt, data_ref = inflight.pop(ready[0])
        load[index] -= 1
        try:
            rows = self._ray.get(ready[0])
        except (RayActorError, WorkerCrashedError) as err:
            if attempt >= MAX_ATTEMPTS:
                on_rows(failed_row(meta, type(err).__name__))
                return
            self.actors[index] = self._new_actor()  # Ray gave up restarting it: a fresh actor takes its place
            self._submit(meta, data_ref, attempt + 1, inflight, load)
            return
        except RayTaskError as err:  # an exception inside the check itself (a bug): one error row
            on_rows(failed_row(meta, str(err).splitlines()[0][:200]))
            return
        on_rows(rows)

    def close(self) -> None:
        for actor in self.actors:
            try:
                self._ray.kill(actor)
            except Exception:  # noqa: BLE001 - an actor already gone is fine
                pass
        if self._owns:
            self._ray.shutdown()


_ACTOR: Any = None


def _actor_class() -> Any:
    """The Ray actor class, made on first use (importing this module never imports Ray)."""
    global _ACTOR
    if _ACTOR is None:
        import ray

        @ray.remote(num_cpus=1)
        class ScanActor:
            def __init__(self, config: ScanConfig) -> None:
                self.scanner = Scanner(config)

            def scan(self, meta: dict[str, Any], data: bytes) -> Rows:
                return self.scanner.scan(meta, data)

            def node(self) -> str:
                return ray.get_runtime_context().get_node_id()

            def pid(self) -> int:
                return os.getpid()

        _ACTOR = ScanActor
    return _ACTOR
