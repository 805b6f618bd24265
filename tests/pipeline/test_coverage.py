"""Every report says what was looked at: checked, failed (a detector broke) or not checked (nothing looks for it)."""

from __future__ import annotations

from PIL import Image

from gazoguard.core.catalogue import kinds
from gazoguard.core.finding import DetectorRun, RunStatus
from gazoguard.detectors import Registry
from gazoguard.detectors.base import Detector
from gazoguard.pipeline.coverage import NO_DETECTOR, NOT_SELECTED, coverage_of
from gazoguard.pipeline.engine import Engine


def test_a_kind_is_checked_only_when_a_detector_that_looks_for_it_answered():
    cov = coverage_of({"faces": frozenset({"face"})}, [DetectorRun("faces", RunStatus.OK, 1.0)], frozenset({"face", "gps"}))
    assert "face" in cov.checked
    assert ("gps", NOT_SELECTED) in cov.not_checked  # a detector exists but did not run
    assert ("room_interior", NO_DETECTOR) in cov.not_checked
    assert len(cov.checked) + len(cov.failed) + len(cov.not_checked) == len(kinds())


def test_a_failed_or_timed_out_detector_leaves_its_kinds_failed_not_checked():
    for status in (RunStatus.FAILED, RunStatus.TIMEOUT):
        cov = coverage_of({"faces": frozenset({"face"})}, [DetectorRun("faces", status, 1.0, "boom")])
        assert ("face", "faces") in cov.failed
        assert "face" not in cov.checked
        assert not cov.complete


class _Boom(Detector):
    name = "boom"
    kinds = frozenset({"face"})

    def detect(self, picture, scene):
        raise RuntimeError("model missing")


def test_the_report_carries_coverage_with_labels_for_a_person():
    engine = Engine(Registry([_Boom()]), perceptions={})
    report = engine.check(Image.new("RGB", (64, 64), "white"))
    engine.close()
    coverage = report.to_dict()["coverage"]
    assert coverage["failed"] == [{"kind": "face", "detector": "boom", "ja": "顔", "en": "face"}]
    unchecked = {item["kind"]: item for item in coverage["not_checked"]}
    assert unchecked["reflection"]["reason"] == NO_DETECTOR
    assert unchecked["reflection"]["ja"].startswith("映り込み")
    assert report.level != "safe"  # a failure never reads as safe


def test_the_cli_lists_what_was_not_checked_and_that_safe_is_no_guarantee():
    from gazoguard.cli.check import format_report

    engine = Engine(Registry([]), perceptions={})
    report = engine.check(Image.new("RGB", (64, 64), "white"))
    engine.close()
    text = format_report(report, "ja")
    assert report.level == "safe"
    assert "自分の目で確かめてください" in text and "部屋の様子" in text
    assert "保証するものではありません" in text
    assert "not a guarantee" in format_report(report, "en")
