"""`kill -9` of the server during intake uploads: no partial or orphaned file is left in the vault, every stored
row's picture is there and decrypts, and the audit chain (with its anchor) verifies."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from gazoguard.intake.channels import create_channel_key
from gazoguard.intake.gateway import Gateway
from gazoguard.intake.policies import register_policy
from gazoguard.intake.testing import scripted_picture
from gazoguard.store import audit
from gazoguard.store.models import CaseImage

SRC = Path(__file__).resolve().parents[2] / "src"
POLICY = Path(__file__).resolve().parents[2] / "examples" / "policy.toml"
SERVER = textwrap.dedent("""
    import os, signal, sys, uvicorn
    from pathlib import Path
    from gazoguard.intake import vault
    from gazoguard.intake.testing import ScriptedChecker
    from gazoguard.web.app import create_app
    from gazoguard.web.settings import Settings
    data, port, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    calls = [0]

    def die_on_third(before=None, after=None):
        # wrap a Vault method: on its third call, kill the whole process at the chosen point
        def wrap(original):
            def method(self, *args, **kwargs):
                calls[0] += 1
                if calls[0] == 3 and before:
                    os.kill(os.getpid(), signal.SIGKILL)
                result = original(self, *args, **kwargs)
                if calls[0] == 3 and after:
                    os.kill(os.getpid(), signal.SIGKILL)
                return result
            return method
        return wrap

    # the file written, the rows not committed (put: the old code; stage: the new)
    if mode == "after_write":
        for name in ("put", "stage"):
            if hasattr(vault.Vault, name):
                setattr(vault.Vault, name, die_on_third(after=True)(getattr(vault.Vault, name)))
    if mode == "before_publish" and hasattr(vault.Vault, "publish"):  # rows committed, file not yet in place
        vault.Vault.publish = die_on_third(before=True)(vault.Vault.publish)
    if mode == "mid_write":  # half a file on disk: killed inside its fsync
        real_fsync = os.fsync
        def fsync(fd):
            calls[0] += 1
            if calls[0] == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            real_fsync(fd)
        vault.os.fsync = fsync
    settings = Settings(warm_up=False, data_dir=data, retention_interval_s=0)
    uvicorn.run(create_app(settings, checker=ScriptedChecker()), host="127.0.0.1", port=port, log_level="warning")
""")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seed(data: Path) -> str:
    gw = Gateway.open(f"sqlite:///{data / 'gazoguard.sqlite3'}", data)
    with gw.store.session() as session:
        register_policy(gw.store, session, POLICY.read_text(encoding="utf-8"), "test")
        key = create_channel_key(session, "sakura-zakka", "web-chat")
    gw.close()
    return key


def _serve_and_kill(data: Path, key: str, rng: random.Random, mode: str = "random") -> int:
    port = _port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(data), str(port), mode],
                            env={**os.environ, "PYTHONPATH": str(SRC)})
    url = f"http://127.0.0.1:{port}/api/v1/intake/images"
    done = []
    stop = threading.Event()

    def post_forever(worker: int) -> None:
        with httpx.Client(timeout=30) as http:
            n = 0
            while not stop.is_set():
                kind = ("receipt", "face", "minor", "product")[n % 4]  # stored masked / original / quarantined / none
                try:
                    r = http.post(url, headers={"Authorization": f"Bearer {key}"},
                                  data={"case_id": f"K-{worker}-{n}", "channel": "web-chat", "customer_ref": f"c{n}", "purpose": "inquiry"},
                                  files={"image": ("a.png", scripted_picture(kind, (640, 480)), "image/png")})
                    if r.status_code == 200:
                        done.append(1)
                except httpx.HTTPError:
                    time.sleep(0.05)
                n += 1

    threads = [threading.Thread(target=post_forever, args=(w,), daemon=True) for w in range(4)]
    for t in threads:
        t.start()
    try:
        deadline = time.time() + 120
        if mode != "random":  # the server kills itself at the chosen point
            proc.wait(timeout=120)
        while mode == "random" and len(done) < 4:
            assert time.time() < deadline and proc.poll() is None, "the server did not answer"
            time.sleep(0.05)
        if mode == "random":
            time.sleep(rng.uniform(0.05, 0.5))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        for t in threads:
            t.join(timeout=40)
    return len(done)


def _assert_consistent(data: Path) -> None:
    gw = Gateway.open(f"sqlite:///{data / 'gazoguard.sqlite3'}", data)  # what the next start does
    try:
        vault_files = {p.name for p in gw.vault.root.iterdir()}
        assert not [n for n in vault_files if n.endswith((".tmp", ".pending"))], vault_files
        with gw.store.session() as session:
            stored = {i.file_name for i in session.execute(select(CaseImage)).scalars() if i.file_name}
            assert audit.verify(session, gw.store.anchor) == []
        assert stored == vault_files  # no picture without its row, no row without its picture
        for name in stored:
            assert gw.vault.get(name)  # complete and authentic (AES-GCM)
    finally:
        gw.close()


def test_kill_9_at_random_moments_of_intake_uploads(tmp_path):
    data = tmp_path / "data"
    key = _seed(data)
    rng = random.Random(10)
    answered = 0
    for _ in range(3):
        answered += _serve_and_kill(data, key, rng)
        _assert_consistent(data)
    assert answered >= 12


@pytest.mark.parametrize("mode", ["after_write", "before_publish", "mid_write"])
def test_kill_9_at_the_worst_moment_of_an_intake_upload(tmp_path, mode):
    """Killed after the picture is written but before its rows commit, after the commit but before the file is
    in place, or halfway through writing it: the next start leaves no trace of the first and finishes the second."""
    data = tmp_path / "data"
    key = _seed(data)
    _serve_and_kill(data, key, random.Random(0), mode)
    _assert_consistent(data)
