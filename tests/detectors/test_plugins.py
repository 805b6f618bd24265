"""Third-party detectors (entry-point group ``gazoguard.detectors``) fail as safely as built-in ones.

A plug-in that cannot be imported, is not a Detector, cannot be built, or raises
while loading its model gives a failed run and a more cautious verdict — never a
crash of ``Registry.default()`` or of the check.
"""

from __future__ import annotations

import textwrap
from importlib.metadata import EntryPoint

import pytest
from PIL import Image

import gazoguard.detectors as detectors_pkg
from gazoguard.detectors import Registry
from gazoguard.pipeline.engine import Engine

PLUGIN = textwrap.dedent(
    '''
    from gazoguard.detectors.base import Detector

    class LoadsBadly(Detector):
        name = "loads_badly"

        def load(self):
            raise RuntimeError("model file missing")

        def detect(self, picture, scene):
            return []

    class BuildsBadly(Detector):
        name = "builds_badly"

        def __init__(self):
            raise ValueError("needs a licence key")

        def detect(self, picture, scene):
            return []

    class Fine(Detector):
        name = "fine_plugin"

        def detect(self, picture, scene):
            return []

    NOT_A_DETECTOR = 42
    '''
)


@pytest.fixture()
def plugins(tmp_path, monkeypatch):
    (tmp_path / "gg_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "gg_broken_plugin.py").write_text("raise ImportError('a dependency is missing')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [
        EntryPoint("loads_badly", "gg_test_plugin:LoadsBadly", "gazoguard.detectors"),
        EntryPoint("builds_badly", "gg_test_plugin:BuildsBadly", "gazoguard.detectors"),
        EntryPoint("fine", "gg_test_plugin:Fine", "gazoguard.detectors"),
        EntryPoint("not_a_detector", "gg_test_plugin:NOT_A_DETECTOR", "gazoguard.detectors"),
        EntryPoint("broken_import", "gg_broken_plugin:Whatever", "gazoguard.detectors"),
        EntryPoint("duplicate", "gg_test_plugin:Fine", "gazoguard.detectors"),
    ]
    monkeypatch.setattr(detectors_pkg, "entry_points", lambda group: points if group == "gazoguard.detectors" else [])
    return points


def _check(registry: Registry, names: list[str]):
    return Engine(registry, perceptions={}).check(Image.new("RGB", (64, 64), "white"), detectors=names)


def test_the_registry_is_built_even_when_plug_ins_are_broken(plugins):
    names = Registry.default().names()
    for expected in ("loads_badly", "builds_badly", "fine_plugin", "plugin:not_a_detector", "plugin:broken_import", "fine_plugin:duplicate"):
        assert expected in names
    assert {"faces", "personal_text", "hidden_data"} <= set(names)  # the built-ins are all still there


@pytest.mark.parametrize("name", ["loads_badly", "builds_badly", "plugin:not_a_detector", "plugin:broken_import", "fine_plugin:duplicate"])
def test_a_broken_plug_in_is_a_failed_run_and_the_verdict_is_not_safe(plugins, name):
    report = _check(Registry.default(), [name])
    assert [(r.name, r.status.value) for r in report.runs] == [(name, "failed")]
    assert report.level != "safe"


def test_a_working_plug_in_runs_beside_the_broken_ones(plugins):
    report = _check(Registry.default(), ["fine_plugin"])
    assert [(r.name, r.status.value) for r in report.runs] == [("fine_plugin", "ok")]
    assert report.level == "safe"
