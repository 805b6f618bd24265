"""Process memory on glibc/Linux: fewer malloc arenas, free heap pages given back, mapped pages dropped.

A check's models free and allocate hundreds of MB; glibc keeps freed pages resident until told
otherwise, and read-only file mappings (the Sudachi dictionary) keep every page a text touched.
Measured in docs/performance.md ("Memory").  Everything here is a no-op where glibc or /proc is absent.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from functools import lru_cache

MALLOC_ARENAS = 2  # glibc's default is 8 per core; one per detector thread keeps freed pages resident
# While detectors run, a watcher gives the free heap pages back whenever the resident memory has
# grown by HEAP_WATCH_GROWTH_MB since its last low point.  12 MP checks: the peak above the idle
# process -40 %, for ~0.1 s more system CPU (given-back pages are faulted in again when reused;
# total CPU +0-5 %, inside the noise of interleaved runs).
HEAP_WATCH_GROWTH_MB = 128.0  # 0 turns the watcher off
HEAP_WATCH_INTERVAL_S = 0.03
TRIM_AFTER_DECODE = True  # what decoding freed (~50 MB at 12 MP) goes before the models start
_M_ARENA_MAX = -8
_MADV_DONTNEED = 4
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@lru_cache(maxsize=1)
def libc() -> ctypes.CDLL | None:
    """glibc, with the functions used here, or None where it is not the C library."""
    name = ctypes.util.find_library("c")
    try:
        lib = ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None
    if lib is None or not all(hasattr(lib, f) for f in ("malloc_trim", "mallopt", "madvise")):
        return None
    lib.madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    lib.madvise.restype = ctypes.c_int
    return lib


def limit_malloc_arenas() -> None:
    """Cap glibc's malloc arenas before the detector threads start (glibc only; elsewhere a no-op).

    Each detector thread otherwise gets its own arena, and the large transient
    buffers of OCR and the face model stay resident in all of them (measured:
    peak RSS grew by ~1 GB over eight checks).
    """
    lib = libc()
    if lib is not None:
        lib.mallopt(_M_ARENA_MAX, MALLOC_ARENAS)


def release_free_memory() -> None:
    """Give freed heap pages back to the system (glibc ``malloc_trim``); a no-op elsewhere."""
    lib = libc()
    if lib is not None:
        lib.malloc_trim(0)


def drop_mapped_pages(ranges: list[tuple[int, int]]) -> int:
    """``madvise(MADV_DONTNEED)`` the address ranges of read-only file mappings; bytes dropped.

    Only for read-only mappings: their pages come back from the page cache on the next read.
    """
    lib = libc()
    if lib is None:
        return 0
    return sum(end - start for start, end in ranges if lib.madvise(ctypes.c_void_p(start), ctypes.c_size_t(end - start), _MADV_DONTNEED) == 0)


def resident_bytes() -> int | None:
    """This process's resident memory (Linux ``/proc/self/statm``); None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return None


class HeapWatch:
    """A context: while it is open, free heap pages are given back whenever the resident memory
    has grown by ``growth_mb`` since its lowest point after the last trim.

    Trimming at fixed points (after each detector) comes too late for the longest step, OCR,
    whose own finding-then-reading leaves hundreds of MB free but resident; a growth trigger
    catches that, and does nothing while memory stays flat.  glibc on Linux only; a no-op elsewhere.
    """

    def __init__(self, growth_mb: float | None = None, interval_s: float | None = None) -> None:
        self._growth = int((HEAP_WATCH_GROWTH_MB if growth_mb is None else growth_mb) * 2**20)
        self._interval = HEAP_WATCH_INTERVAL_S if interval_s is None else interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.trims = 0

    def __enter__(self) -> HeapWatch:
        if self._growth > 0 and libc() is not None and resident_bytes() is not None:
            self._thread = threading.Thread(target=self._run, name="gazoguard-heap-watch", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        low = resident_bytes() or 0
        while not self._stop.wait(self._interval):
            now = resident_bytes() or 0
            if now < low:
                low = now
            elif now - low >= self._growth:
                release_free_memory()
                self.trims += 1
                low = resident_bytes() or now  # still-live memory does not trigger again until it grows further
