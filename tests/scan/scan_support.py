"""What the scan tests share: generated pictures and folders, and a Ray cluster started and stopped by id."""

from __future__ import annotations

import io
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from exif_bytes import GPSIFD, dump_exif
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[2]
RAY = str(Path(sys.executable).with_name("ray"))
#: detectors cheap enough for tests on two busy cores: EXIF/GPS and QR/barcodes (findings still appear)
DETECTORS = ("hidden_data", "codes")


def picture_bytes(seed: int, size: tuple[int, int] = (320, 240), *, gps: bool = False, qr: bool = False) -> bytes:
    """A JPEG unlike any other seed's (noise + shapes), optionally with EXIF GPS or a QR code."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 255, (8, 8, 3), dtype=np.uint8)
    image = Image.fromarray(base).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(4):
        x, y = int(rng.integers(0, size[0] - 40)), int(rng.integers(0, size[1] - 40))
        draw.ellipse((x, y, x + 40, y + 30), fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
    if qr:
        import zxingcpp

        barcode = zxingcpp.create_barcode(f"https://line.me/ti/p/test{seed}", zxingcpp.BarcodeFormat.QRCode)
        code = zxingcpp.write_barcode_to_image(barcode, scale=4)
        image.paste(Image.fromarray(np.asarray(code)).convert("RGB"), (10, 10))
    params: dict = {"format": "JPEG", "quality": 85}
    if gps:
        params["exif"] = dump_exif({"GPS": {
            GPSIFD.GPSLatitudeRef: b"N", GPSIFD.GPSLatitude: ((35, 1), (41, 1), (2200, 100)),
            GPSIFD.GPSLongitudeRef: b"E", GPSIFD.GPSLongitude: ((139, 1), (41, 1), (3000, 100))}})
    buffer = io.BytesIO()
    image.save(buffer, **params)
    return buffer.getvalue()


def make_folder(root: Path, count: int, *, size: tuple[int, int] = (320, 240)) -> Path:
    """``count`` pictures in two chat folders (every 5th with GPS, every 7th with a QR code), one exact copy, a note."""
    for n in range(count):
        folder = root / ("chat-a" if n % 2 else "chat-b")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"img{n:03d}.jpg").write_bytes(picture_bytes(n, size, gps=n % 5 == 0, qr=n % 7 == 0))
    (root / "chat-a" / "copy-of-img000.jpg").write_bytes((root / "chat-b" / "img000.jpg").read_bytes())
    (root / "chat-a" / "notes.txt").write_text("not a picture", encoding="utf-8")
    return root


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ray_env() -> dict[str, str]:
    return dict(os.environ, RAY_USAGE_STATS_ENABLED="0", PYTHONPATH=str(REPO / "src"))


class RayCluster:
    """A head node (and optionally more raylets) started by ``ray start --block``; stop() ends exactly those."""

    def __init__(self, tmp: Path, cpus: int = 2) -> None:
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.env = ray_env() | {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
        self.logs = tmp
        self.procs: list[subprocess.Popen] = []
        # Ray's socket paths must stay under 107 bytes: a short folder of our own, not pytest's deep one
        self.temp_dir = Path(tempfile.mkdtemp(prefix="rs", dir="/tmp"))
        self._start(["--head", "--port", str(self.port), "--node-ip-address", "127.0.0.1", "--include-dashboard", "false",
                     "--temp-dir", str(self.temp_dir), "--num-cpus", str(cpus)], "head")

    def _start(self, args: list[str], name: str) -> subprocess.Popen:
        log = open(self.logs / f"ray-{name}.log", "w")
        proc = subprocess.Popen([RAY, "start", "--block", "--disable-usage-stats", *args], env=self.env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(proc)
        return proc

    def add_node(self, cpus: int = 1) -> subprocess.Popen:
        return self._start(["--address", self.address, "--node-ip-address", "127.0.0.1", "--num-cpus", str(cpus)],
                           f"node{len(self.procs)}")

    def log_tail(self, name: str, lines: int = 15) -> str:
        path = self.logs / f"ray-{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def stop_proc(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        if proc in self.procs:
            self.procs.remove(proc)

    def stop(self) -> None:
        for proc in reversed(list(self.procs)):
            self.stop_proc(proc)
        shutil.rmtree(self.temp_dir, ignore_errors=True)


def connect(cluster: RayCluster, timeout: float = 120.0):
    """ray.init this test process to ``cluster`` (retrying while the head starts)."""
    os.environ.update({k: cluster.env[k] for k in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_USAGE_STATS_ENABLED")})
    import ray  # reads the token when first imported

    if ray.is_initialized():
        return ray
    deadline = time.monotonic() + timeout
    while True:
        try:
            ray.init(address=cluster.address, include_dashboard=False, log_to_driver=False, configure_logging=False)
            return ray
        except Exception:  # noqa: BLE001 - the head is still starting
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def rows_without_timing(ledger) -> list[dict]:
    """Every result row of a ledger minus the columns that measure the run (for comparing two runs)."""
    from gazoguard.scan.worker import TIMING_FIELDS

    return [{k: v for k, v in row.items() if k not in TIMING_FIELDS} | {"findings": f} for row, f in ledger.rows()]
