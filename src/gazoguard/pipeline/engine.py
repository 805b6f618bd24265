"""Run the registered detectors on one picture, in parallel, each with its own timeout."""

from __future__ import annotations

import gc
import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from PIL import Image

from gazoguard.pipeline.verdict import assess
from gazoguard.detectors import Registry
from gazoguard.detectors.base import Detector
from gazoguard.core.errors import GazoError
from gazoguard.core.finding import DetectorRun, Finding, RunStatus
from gazoguard.core.lazy import load_once
from gazoguard.core.memory import TRIM_AFTER_DECODE, HeapWatch, limit_malloc_arenas, release_free_memory
from gazoguard.perception import Perception, builtin_perceptions
from gazoguard.imaging.picture import ImageInput, Picture, decode_bytes, load_picture, read_source_bytes
from gazoguard.profiles import Profile, load_profile
from gazoguard.pipeline.coverage import Coverage, coverage_of
from gazoguard.pipeline.report import Report
from gazoguard.perception.scene import Scene
from gazoguard.imaging.scaled import remember_shrunk, shrunk_jpeg

LOAD_TIMEOUT_S = 180.0
# Text reading (OCR, then everything that reads its text) is the longest path of a check; the
# detectors off that path (faces, codes, nudity: ``Detector.low_priority``) run on threads this
# much nicer (Linux, per thread), so on two cores the OCR gets the CPU first and they fill the
# gaps.  Total CPU is the same; the check ends sooner.  0 runs everything at one priority.
LOW_PRIORITY_NICE = 5


def _lower_thread_priority() -> None:
    """Make the calling thread LOW_PRIORITY_NICE nicer (Linux: nice is per thread); no-op where unsupported."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), os.getpriority(os.PRIO_PROCESS, 0) + LOW_PRIORITY_NICE)
    except (AttributeError, OSError):
        pass


@dataclass
class _Job:
    detector: Detector
    future: Future
    started: float | None = None  # set once the model is loaded and detection starts


class Engine:
    """One engine per process (CLI, web worker, Ray actor); models load lazily, once."""

    def __init__(
        self,
        registry: Registry | None = None,
        perceptions: dict[str, Perception] | None = None,
        max_workers: int | None = None,
    ) -> None:
        self.registry = registry or Registry.default()
        self.perceptions = perceptions if perceptions is not None else builtin_perceptions()
        limit_malloc_arenas()
        workers = max_workers or max(4, len(self.registry.names()))
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gazoguard-detector")
        # as many workers as the main pool: a detector that timed out keeps its thread until it
        # returns, and the next checks' detectors must not queue behind it
        self._low_pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gazoguard-detector-low", initializer=_lower_thread_priority)
        self._lock = threading.Lock()

    def warm_up(self, detectors: list[str] | None = None) -> list[str]:
        """Load every model now instead of on the first picture; returns what failed to load.

        A model that fails here fails again, visibly, in each report's detector runs.
        """
        loaders = [d.ensure_loaded for d in self.registry.select(detectors)]
        loaders += [p.ensure_loaded for p in self.perceptions.values()]
        # load in parallel: model files are read and sessions built concurrently (cold start)
        failures = []
        for future in [self._pool.submit(load) for load in loaders]:
            error = future.exception()
            if error is not None:
                failures.append(f"{type(error).__name__}: {error}")
        return failures

    def check(
        self,
        source: ImageInput | Picture,
        *,
        profile: str | Profile = "personal",
        detectors: list[str] | None = None,
        path: str | None = None,
    ) -> Report:
        started = time.perf_counter()
        prof = profile if isinstance(profile, Profile) else load_profile(profile)
        try:
            picture = source if isinstance(source, Picture) else self._decode(source, path)
        except GazoError as err:
            shown = path or (str(source) if isinstance(source, (str,)) or hasattr(source, "__fspath__") else None)
            return Report.for_error(shown, err, prof.name)
        if TRIM_AFTER_DECODE:
            release_free_memory()
        findings, runs = self.detect(picture, detectors)
        summary = picture.summary()
        if not isinstance(source, Picture):
            del picture  # its pixels (~150 MB at 12 MP) go before the heap is trimmed
        if any(run.status is RunStatus.FAILED for run in runs):
            # a failure's traceback holds its frames in a reference cycle (job → future → exception →
            # frame → job), and with them the picture, the scene and the model's arrays, until the
            # cycle collector happens to run: collect them now, before the heap is trimmed
            gc.collect()
        release_free_memory()
        verdict = assess(findings, prof, runs)
        return Report(
            coverage=self.coverage(runs),
            image=summary,
            profile=prof.name,
            findings=tuple(findings),
            verdict=verdict,
            runs=tuple(runs),
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def _decode(self, source: ImageInput, path: str | None) -> Picture:
        """The picture, decoded in full on this thread while a pool thread decodes the reduced copy
        the models read (a large JPEG's 1/2–1/8 decode, ~30 ms at 12 MP, on an otherwise idle
        core): the text reading, the longest path of a check, then finds it ready."""
        if isinstance(source, Image.Image):
            return load_picture(source, path=path)
        data, shown = read_source_bytes(source, path)
        ahead = self._pool.submit(shrunk_jpeg, data)
        picture = decode_bytes(data, path=shown)
        started = not ahead.cancel()  # one not started yet (every worker busy) is decoded when a model asks
        if started:
            remember_shrunk(picture, ahead.result())
        return picture

    def detect(self, picture: Picture, detectors: list[str] | None = None) -> tuple[list[Finding], list[DetectorRun]]:
        scene = Scene(picture, self.perceptions)
        with HeapWatch():
            jobs = [self._submit(d, picture, scene) for d in self.registry.select(detectors)]
            self._wait(jobs)
        findings: list[Finding] = []
        runs: list[DetectorRun] = []
        for job in jobs:
            run, found = self._collect(job)
            runs.append(run)
            findings.extend(found)
        return findings, runs

    def _submit(self, detector: Detector, picture: Picture, scene: Scene) -> _Job:
        job = _Job(detector, Future())

        def run() -> tuple[list[Finding], float]:
            detector.ensure_loaded()
            job.started = time.perf_counter()
            found = detector.detect(picture, scene)
            return list(found), (time.perf_counter() - job.started) * 1000

        pool = self._low_pool if detector.low_priority and LOW_PRIORITY_NICE else self._pool
        job.future = pool.submit(run)
        job.submitted = time.perf_counter()  # type: ignore[attr-defined]
        return job

    def _wait(self, jobs: list[_Job]) -> None:
        pending = {j.future for j in jobs}
        while pending:
            now = time.perf_counter()
            deadlines = [self._deadline(j) for j in jobs if j.future in pending]
            timeout = max(0.0, min(deadlines) - now)
            done, pending = wait(pending, timeout=timeout, return_when=FIRST_COMPLETED)
            now = time.perf_counter()
            expired = {j.future for j in jobs if j.future in pending and now >= self._deadline(j)}
            pending -= expired

    @staticmethod
    def _deadline(job: _Job) -> float:
        if job.started is None:
            return job.submitted + LOAD_TIMEOUT_S  # type: ignore[attr-defined]
        return job.started + job.detector.timeout_s

    @staticmethod
    def _collect(job: _Job) -> tuple[DetectorRun, list[Finding]]:
        name = job.detector.name
        if not job.future.done():
            elapsed = (time.perf_counter() - (job.started or job.submitted)) * 1000  # type: ignore[attr-defined]
            return DetectorRun(name, RunStatus.TIMEOUT, elapsed, f"no answer within {job.detector.timeout_s:g} s"), []
        error = job.future.exception()
        if error is not None:
            elapsed = (time.perf_counter() - (job.started or job.submitted)) * 1000  # type: ignore[attr-defined]
            return DetectorRun(name, RunStatus.FAILED, elapsed, f"{type(error).__name__}: {error}"[:300]), []
        found, ms = job.future.result()
        return DetectorRun(name, RunStatus.OK, ms), found

    def coverage(self, runs: list[DetectorRun]) -> Coverage:
        """Which catalogue kinds the detectors of ``runs`` looked at, failed on, or never look for."""
        ran = {run.name for run in runs}
        detectors = self.registry.all()
        declared = {d.name: d.kinds for d in detectors if d.name in ran}
        registered = frozenset().union(*(d.kinds for d in detectors))
        return coverage_of(declared, runs, registered)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._low_pool.shutdown(wait=False, cancel_futures=True)


@load_once
def default_engine() -> Engine:
    """The process-wide engine: models are loaded once per process and shared."""
    return Engine()
