"""assess(): findings + profile → verdict, for the rules that hold in every profile."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from gazoguard.pipeline.verdict import assess
from gazoguard.core.catalogue import kinds_in
from gazoguard.core.finding import DetectorRun, Finding, RunStatus
from gazoguard.core.levels import Level
from gazoguard.profiles import list_profiles, load_profile
from gazoguard.pipeline.report import Report

PROFILES = [p.name for p in list_profiles()]


def _f(kind: str, score: float = 0.9) -> Finding:
    return Finding(kind, score, "test", box=(0, 0, 10, 10))


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("sexual", kinds_in("sexual"))
def test_sexual_with_minor_is_the_red_line_in_every_profile(profile, sexual):
    verdict = assess([_f(sexual), _f("possible_minor", 0.5)], load_profile(profile))
    assert verdict.level == Level.BLOCK and verdict.must_not_store
    assert verdict.reasons[0].code == "sexual_with_minor" and verdict.reasons[0].findings == (0, 1)
    assert verdict.to_dict()["must_not_store"] is True


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("minor", kinds_in("minor"))
def test_a_minor_signal_alone_never_blocks(profile, minor):
    verdict = assess([_f(minor)], load_profile(profile))
    assert verdict.level != Level.BLOCK and not verdict.must_not_store


@pytest.mark.parametrize("profile", PROFILES)
def test_the_red_line_ignores_a_profile_that_would_not_count_the_findings(profile, tmp_path):
    path = tmp_path / "lax.toml"
    path.write_text(
        f'extends = "{profile}"\nname = "lax"\n[levels.category]\nsexual = "safe"\nminor = "safe"\n', encoding="utf-8"
    )
    verdict = assess([_f("covered_sexual"), _f("school_text")], load_profile(str(path)))
    assert verdict.level == Level.BLOCK and verdict.must_not_store


@pytest.mark.parametrize("profile", PROFILES)
def test_sexual_without_minor_is_not_must_not_store(profile):
    assert not assess([_f("exposed_breast")], load_profile(profile)).must_not_store


@pytest.mark.parametrize("profile", PROFILES)
def test_a_failed_detector_never_makes_a_verdict_safer(profile):
    prof = load_profile(profile)
    clean = assess([], prof)
    failed = assess([], prof, [DetectorRun("sexual", RunStatus.FAILED, 3.0, "boom")])
    assert failed.level.rank > clean.level.rank
    if prof.has_actions:
        assert failed.action != "accept"


def test_reasons_are_sorted_worst_first_and_point_at_findings():
    verdict = assess([_f("capture_time"), _f("face"), _f("exposed_breast")], load_profile("teen"))
    levels = [r.level.rank for r in verdict.reasons]
    assert levels[:-1] == sorted(levels[:-1], reverse=True)
    assert verdict.reasons[0].code == "exposed_breast" and verdict.reasons[0].findings == (2,)


def test_a_report_with_action_and_help_validates_against_the_schema():
    schema = json.loads(resources.files("gazoguard").joinpath("schema/report-1.json").read_text(encoding="utf-8"))
    findings = (_f("exposed_breast"), _f("school_text"))
    image = {"path": None, "sha256": "0" * 64, "format": "PNG", "width": 10, "height": 10}
    for name in ("business-intake", "teen"):
        verdict = assess(findings, load_profile(name))
        data = Report(image=image, profile=name, findings=findings, verdict=verdict).to_dict()
        jsonschema.validate(data, schema)
        assert data["verdict"]["must_not_store"] is True
    intake = Report(image=image, profile="business-intake", findings=findings, verdict=assess(findings, load_profile("business-intake"))).to_dict()
    assert list(intake).index("action") == list(intake).index("verdict") + 1 and intake["action"] == "report"
