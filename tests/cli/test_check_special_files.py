"""What a careless user may pass to ``check`` and ``redact`` (issue 21, item 12): only regular files are read.

Each case runs in a child process with an address-space limit and a timeout, so
the old behaviour (reading /dev/zero until the kernel stepped in, blocking on a
FIFO for ever) fails the test instead of taking the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from gazoguard.core.errors import GazoError

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))


def _gazoguard(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    code = "import sys; from gazoguard.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout,
                          env=env, preexec_fn=_limited)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("command", ["check", "redact"])
def test_a_device_is_refused_before_reading(command: str) -> None:
    done = _gazoguard(command, "--lang", "en", "/dev/zero")
    assert done.returncode == 3, done.stderr[-400:]
    assert "Not a regular file" in done.stdout + done.stderr and "Traceback" not in done.stderr


def _fifo(folder: Path) -> Path:
    fifo = folder / "looks-like-a-photo.jpg"
    os.mkfifo(fifo)
    return fifo


def test_a_fifo_given_by_name_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path)
    done = _gazoguard("check", "--lang", "en", str(fifo), timeout=60)
    assert done.returncode == 3 and "Not a regular file" in done.stdout + done.stderr


def test_a_fifo_inside_a_folder_is_skipped(tmp_path: Path) -> None:
    _fifo(tmp_path)
    done = _gazoguard("check", "--lang", "en", str(tmp_path), timeout=60)
    assert done.returncode == 3  # nothing to check: the FIFO is not an image file


def test_the_size_cap_applies_before_reading(tmp_path: Path) -> None:
    from gazoguard.imaging.picture import read_regular_file

    big = tmp_path / "big.png"
    with open(big, "wb") as fh:
        fh.truncate(10 * 2**20)  # sparse: no disk used
    with pytest.raises(GazoError) as err:
        read_regular_file(big, 2**20)
    assert err.value.code == "file_too_large"
    assert read_regular_file(big, 20 * 2**20)[:4] == b"\0\0\0\0"
