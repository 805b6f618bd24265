"""The engine runs detectors in parallel, and a detector that fails or hangs never makes a verdict safe."""

from __future__ import annotations

import sys
import time

import pytest
from PIL import Image

from gazoguard.detectors import Registry
from gazoguard.detectors.base import Detector
from gazoguard.pipeline.engine import Engine
from gazoguard.core.finding import Finding


class _Quiet(Detector):
    name = "quiet"

    def detect(self, picture, scene):
        return []


class _Boom(Detector):
    name = "boom"

    def detect(self, picture, scene):
        raise ValueError("model exploded")


class _Hang(Detector):
    name = "hang"
    timeout_s = 0.3

    def detect(self, picture, scene):
        time.sleep(3)
        return [Finding("face", 0.9, "hang", box=(0, 0, 5, 5))]


class _Face(Detector):
    name = "fake_face"

    def detect(self, picture, scene):
        return [Finding("face", 0.95, self.name, box=(1, 2, 10, 12))]


def _engine(*detectors: Detector) -> Engine:
    return Engine(Registry(list(detectors)), perceptions={})


def _white() -> Image.Image:
    return Image.new("RGB", (64, 48), "white")


def test_nothing_found_is_safe():
    report = _engine(_Quiet()).check(_white())
    assert report.level == "safe"
    assert [r.status.value for r in report.runs] == ["ok"]


def test_failed_detector_is_reported_and_the_verdict_is_not_safe():
    report = _engine(_Quiet(), _Boom()).check(_white())
    assert report.level == "caution"
    run = {r.name: r for r in report.runs}["boom"]
    assert run.status.value == "failed" and "model exploded" in run.error
    assert any(r.code == "detector_failed" for r in report.verdict.reasons)


def test_hanging_detector_times_out_without_holding_the_check():
    started = time.perf_counter()
    report = _engine(_Quiet(), _Hang()).check(_white())
    assert time.perf_counter() - started < 2.5
    assert {r.name: r.status.value for r in report.runs}["hang"] == "timeout"
    assert report.level != "safe"
    assert not report.findings  # a late answer is not mixed into the report


def test_findings_flow_into_the_verdict_with_their_index():
    report = _engine(_Face()).check(_white())
    assert report.level == "danger"
    reason = report.verdict.reasons[0]
    assert reason.code == "face" and reason.findings == (0,)
    assert "顔" in reason.ja and "face" in reason.en


def test_unreadable_input_gives_an_error_report_not_an_exception():
    report = _engine(_Quiet()).check(b"this is not an image")
    assert not report.ok
    assert report.to_dict()["error"]["code"] == "not_an_image"


def test_registry_discovers_every_detector_module():
    names = Registry.default().names()
    assert "ocr" in names
    assert len(names) == len(set(names))


def test_a_broken_detector_module_becomes_a_failing_detector(monkeypatch):
    import gazoguard.detectors as detectors_pkg

    real_import = detectors_pkg.importlib.import_module

    def broken(name, *args):
        if name.endswith(".ocr_text"):
            raise ImportError("missing model file")
        return real_import(name, *args)

    monkeypatch.setattr(detectors_pkg.importlib, "import_module", broken)
    registry = Registry.default()
    report = Engine(registry, perceptions={}).check(_white(), detectors=["ocr_text"])
    assert report.runs[0].status.value == "failed"
    assert report.level != "safe"



def test_detectors_run_while_the_heap_is_watched(monkeypatch):
    import gazoguard.pipeline.engine as engine_module

    events: list[str] = []

    class _Watch:
        def __enter__(self):
            events.append("watch on")
            return self

        def __exit__(self, *exc):
            events.append("watch off")

    class _Logged(Detector):
        name = "logged"

        def detect(self, picture, scene):
            events.append("detect")
            return []

    monkeypatch.setattr(engine_module, "HeapWatch", _Watch)
    _engine(_Logged()).check(_white())
    assert events == ["watch on", "detect", "watch off"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/statm and glibc")
def test_the_heap_watch_trims_when_memory_grows_and_not_while_it_is_flat():
    import numpy as np

    from gazoguard.core.memory import HeapWatch

    with HeapWatch(growth_mb=16, interval_s=0.005) as flat:
        time.sleep(0.1)
    assert flat.trims == 0

    with HeapWatch(growth_mb=16, interval_s=0.005) as growing:
        block = np.ones(64 * 2**20, dtype=np.uint8)  # 64 MB, touched
        deadline = time.perf_counter() + 2.0
        while growing.trims == 0 and time.perf_counter() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)
    assert 1 <= growing.trims <= 4  # live memory does not trigger it again and again
    del block

    with HeapWatch(growth_mb=0) as off:
        block = np.ones(64 * 2**20, dtype=np.uint8)
        time.sleep(0.05)
    assert off.trims == 0


def test_a_failed_detector_does_not_keep_its_arrays_alive_after_the_check():
    import gc
    import weakref

    class _Arrays:
        pass

    refs = []

    class _FailsHoldingArrays(Detector):
        name = "fails_holding_arrays"

        def detect(self, picture, scene):
            arrays = _Arrays()  # a model's buffers, referenced from this frame
            refs.append(weakref.ref(arrays))
            raise RuntimeError("model failed")

    gc.disable()  # only the engine may collect the cycle the traceback makes
    try:
        report = _engine(_FailsHoldingArrays()).check(_white())
        assert report.runs[0].status.value == "failed"
        assert refs[0]() is None
    finally:
        gc.enable()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice is per thread on Linux")
def test_detectors_off_the_text_path_run_at_a_lower_cpu_priority():
    import os

    from gazoguard.pipeline import engine as engine_module

    seen: dict[str, int] = {}

    class _Niceness(Detector):
        def detect(self, picture, scene):
            seen[self.name] = os.getpriority(os.PRIO_PROCESS, 0)  # 0: the calling thread
            return []

    class _OnTextPath(_Niceness):
        name = "on_text_path"

    class _Beside(_Niceness):
        name = "beside"
        low_priority = True

    engine = _engine(_OnTextPath(), _Beside())
    engine.check(_white())
    engine.close()
    assert seen["beside"] == min(19, seen["on_text_path"] + engine_module.LOW_PRIORITY_NICE)  # 19: the nicest there is
    assert seen["beside"] > seen["on_text_path"] or seen["on_text_path"] == 19
    assert os.getpriority(os.PRIO_PROCESS, 0) == seen["on_text_path"]  # the caller's own priority is untouched


def test_the_heavy_detectors_beside_ocr_are_low_priority_and_ocr_readers_are_not():
    registry = Registry.default()
    assert {d.name for d in registry.all() if d.low_priority} == {"faces", "codes", "sexual"}


def test_a_large_jpeg_s_working_copy_is_decoded_beside_the_full_picture_and_only_once(monkeypatch):
    """The reduced copy the models read is decoded on a pool thread while the caller decodes the full picture."""
    import io
    import threading

    import numpy as np

    from gazoguard.pipeline import engine as engine_module
    from gazoguard.imaging import scaled as small

    events: list[str] = []
    real = small.shrunk_jpeg

    def counting(data: bytes):
        events.append(f"reduced decode on {threading.current_thread().name.rsplit('_', 1)[0]}")
        return real(data)

    monkeypatch.setattr(engine_module, "shrunk_jpeg", counting)
    monkeypatch.setattr(small, "shrunk_jpeg", counting)
    seen = []

    class _ReadsTheWorkingCopy(Detector):
        name = "reads_working_copy"

        def detect(self, picture, scene):
            events.append("detection")
            seen.append(small.working_rgb(picture))
            return []

    buf = io.BytesIO()
    Image.fromarray(np.full((3000, 4000, 3), 128, np.uint8)).save(buf, format="JPEG")
    engine = _engine(_ReadsTheWorkingCopy())
    report = engine.check(buf.getvalue())
    engine.close()
    assert report.error is None
    working, scale = seen[0]
    assert working.shape == (1500, 2000, 3) and scale == 0.5
    assert events == ["reduced decode on gazoguard-detector", "detection"]  # ahead, on a pool thread, and not again
