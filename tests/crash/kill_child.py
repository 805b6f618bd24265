"""The child a crash-safety test kills: runs one operation and stops at a known point, printing ``paused``.

Usage: ``python kill_child.py SCENARIO ARGS…``.  The pause is installed here, in
the test's own child process, by wrapping a function the operation calls (the
product code has no hook for it):

- ``redact``/``add``: at the N-th ``fsync`` of a regular file — the bytes are
  written, not yet synced or given their final name.  ``add`` writes the copy
  (1st), then ``chain.jsonl`` (2nd), then ``head.json`` (3rd).
- ``export``: right after ``timeline.pdf`` went into the ZIP, before it is closed.
"""

from __future__ import annotations

import os
import stat
import sys
import time
import zipfile
from pathlib import Path


def pause() -> None:
    print("paused", flush=True)
    time.sleep(120)
    raise SystemExit("not killed")


def pause_at_fsync(n: int) -> None:
    real = os.fsync
    seen = [0]

    def fsync(fd) -> None:  # noqa: ANN001
        fileno = fd if isinstance(fd, int) else fd.fileno()
        if stat.S_ISREG(os.fstat(fileno).st_mode):
            seen[0] += 1
            if seen[0] == n:
                pause()
        real(fd)

    os.fsync = fsync


def _redact(src: str, out: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redaction"))
    from conftest import ContainerMetadataDetector  # the stand-in metadata detector of the redaction tests

    from gazoguard.detectors import Registry
    from gazoguard.pipeline.engine import Engine
    from gazoguard.redaction import redact

    engine = Engine(registry=Registry([ContainerMetadataDetector()]))
    pause_at_fsync(1)
    redact(src, out, engine=engine, kinds=["hidden_data", "gps"])


def _add(root: str, file: str, nth: str) -> None:
    from gazoguard.evidence import ItemDetails, Locker

    locker = Locker.open(root)
    pause_at_fsync(int(nth))
    locker.add_files([file], ItemDetails(note="kill -9 test"))


def _export(root: str, out: str) -> None:
    from gazoguard.evidence import Locker
    from gazoguard.evidence.bundle import export_bundle

    real = zipfile.ZipFile.writestr

    def writestr(self, name, data, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        result = real(self, name, data, *args, **kwargs)
        if str(getattr(name, "filename", name)) == "timeline.pdf":
            self.fp.flush()
            pause()
        return result

    zipfile.ZipFile.writestr = writestr
    export_bundle(Locker.open(root), out)


if __name__ == "__main__":
    scenario, *rest = sys.argv[1:]
    {"redact": _redact, "add": _add, "export": _export}[scenario](*rest)
