"""``kill -9`` during redaction, evidence add and export (issue 21): no partial file, a consistent locker.

Each test starts ``kill_child.py``, waits until it says it reached the point
(bytes written, not yet in place), kills it with SIGKILL and looks at the disk.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from gazoguard.evidence import ItemDetails, Locker, verify_path

CHILD = Path(__file__).with_name("kill_child.py")
SRC = str(Path(__file__).resolve().parents[2] / "src")


def _kill_at_pause(*args: str) -> None:
    env = {**os.environ, "PYTHONPATH": SRC}
    child = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    try:
        line = child.stdout.readline()
        assert line.strip() == "paused", child.stderr.read()[-2000:]
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir())


def _png(path: Path, colour: tuple[int, int, int]) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buf, format="PNG")
    path.write_bytes(buf.getvalue())
    return path


def test_kill_during_redaction_leaves_no_partial_file(tmp_path: Path) -> None:
    source = tmp_path / "in" / "photo.jpg"
    source.parent.mkdir()
    Image.new("RGB", (64, 48), (120, 30, 30)).save(source, format="JPEG", comment=b"hello")
    before = source.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    _kill_at_pause("redact", str(source), str(out / "clean.jpg"))
    assert _files(out) == []  # neither the output nor a temporary file
    assert source.read_bytes() == before


@pytest.fixture
def locker(tmp_path: Path) -> Locker:
    box = Locker.init(tmp_path / "locker")
    box.add_files([_png(tmp_path / "first.png", (200, 30, 30))], ItemDetails(note="before the crash"))
    box.add_record(ItemDetails(report_no="R-1"))
    return box


@pytest.mark.parametrize(("nth", "point"), [(1, "copy"), (2, "chain"), (3, "head")])
def test_kill_during_evidence_add_leaves_a_consistent_locker(locker: Locker, tmp_path: Path, nth: int, point: str) -> None:
    files_before = _files(locker.root / "items")
    _kill_at_pause("add", str(locker.root), str(_png(tmp_path / "second.png", (30, 200, 30))), str(nth))
    result = verify_path(locker.root)
    assert result.ok, (point, [p.message_en for p in result.problems])
    assert result.entries == (3 if point == "head" else 2)  # the chain's rename is the commit point
    assert not [n for n in _files(locker.root) if n.endswith(".tmp")]  # no partial file anywhere
    if point == "copy":
        assert _files(locker.root / "items") == files_before
    # the locker keeps working: the next add settles or drops what the killed one left
    Locker.open(locker.root).add_files([_png(tmp_path / "third.png", (30, 30, 200))], ItemDetails(note="after"))
    result = verify_path(locker.root)
    assert result.ok, [p.message_en for p in result.problems]
    assert not (locker.root / ".incoming").exists() or _files(locker.root / ".incoming") == []


def test_kill_during_export_leaves_no_partial_bundle(locker: Locker, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    _kill_at_pause("export", str(locker.root), str(out / "bundle.zip"))
    assert _files(out) == []
    assert verify_path(locker.root).ok
