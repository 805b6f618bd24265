"""Every rule in every shipped profile file, traced to a test.

The parametrised tests read the TOML files themselves, so a rule added to a
file is tested (and named in the test id) without editing this file; the
named tests below check what the rules are for.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from gazoguard.pipeline import explain
from gazoguard.pipeline.verdict import assess
from gazoguard.core.catalogue import kinds, kinds_in
from gazoguard.core.finding import DetectorRun, Finding, RunStatus
from gazoguard.core.levels import Level
from gazoguard.profiles import load_profile
from gazoguard.profiles.loader import builtin_names

SHIPPED = ("personal", "performer", "teen", "ai-upload", "business-intake")


def _raw(name: str) -> dict:
    text = resources.files("gazoguard.profiles").joinpath(name.replace("-", "_") + ".toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _finding(kind: str, score: float = 1.0) -> Finding:
    return Finding(kind, score, "test")


def _rules(section: str) -> list[tuple[str, str, str]]:
    out = []
    for name in SHIPPED:
        table = _raw(name)
        for part in section.split("."):
            table = table.get(part, {})
        out += [(name, key, value) for key, value in table.items()]
    return out


def test_the_five_profiles_are_shipped():
    assert set(SHIPPED) <= set(builtin_names())


@pytest.mark.parametrize("profile, kind, level", _rules("levels.kind"), ids=lambda v: str(v))
def test_each_kind_level_rule(profile, kind, level):
    verdict = assess([_finding(kind)], load_profile(profile))
    expected = Level(level)
    if expected == Level.SAFE:
        assert verdict.level == Level.SAFE and not verdict.reasons
    else:
        assert verdict.level == expected and verdict.reasons[0].code == kind


@pytest.mark.parametrize("profile, category, level", _rules("levels.category"), ids=lambda v: str(v))
def test_each_category_level_rule(profile, category, level):
    prof = load_profile(profile)
    plain = [k for k in kinds_in(category) if k not in prof.kind_levels and k not in prof.min_score]
    assert plain, f"every kind of {category} has its own rule in {profile}"
    for kind in plain:
        assert assess([_finding(kind)], prof).level == Level(level), kind


@pytest.mark.parametrize("profile, kind, threshold", _rules("min_score"), ids=lambda v: str(v))
def test_each_min_score_rule(profile, kind, threshold):
    prof = load_profile(profile)
    below = assess([_finding(kind, threshold - 0.01)], prof)
    at = assess([_finding(kind, threshold)], prof)
    assert below.level == Level.SAFE and not below.reasons
    assert at.level == prof.level_for(kind, kinds()[kind].category) and at.level != Level.SAFE


@pytest.mark.parametrize("profile", SHIPPED)
def test_each_failure_level_rule(profile):
    prof = load_profile(profile)
    expected = Level(_raw(profile).get("failure_level", "caution"))
    verdict = assess([], prof, [DetectorRun("sexual", RunStatus.TIMEOUT, 15000.0)])
    assert verdict.level == max(expected, Level.CAUTION)


@pytest.mark.parametrize("profile", SHIPPED)
def test_each_three_questions_rule(profile):
    verdict = assess([_finding("gps")], load_profile(profile))
    assert bool(verdict.questions) == _raw(profile).get("three_questions", False)


def test_the_three_questions_are_asked_on_every_result_of_a_sender_profile_safe_included():
    for name in ("personal", "teen", "performer", "ai-upload"):
        for findings in ([_finding("face")], []):
            questions = assess(findings, load_profile(name)).questions
            assert questions == explain.THREE_QUESTIONS  # the one set, ◎ included
    assert assess([], load_profile("business-intake")).questions == ()  # the business is not the sender


def test_a_safe_result_says_it_is_safe_only_about_what_was_checked():
    out = assess([], load_profile("personal")).to_dict()
    assert out["level"] == "safe" and "保証するものではありません" in out["note_ja"] and "not a guarantee" in out["note_en"]
    assert "note_ja" not in assess([_finding("face")], load_profile("personal")).to_dict()


# --- performer limits ---------------------------------------------------------------------------


@pytest.mark.parametrize("limit, value", _raw("performer")["limits"].items())
def test_the_shipped_performer_limits_are_off(limit, value):
    prof = load_profile("performer")
    assert value in (False, "exposed")
    assert all(prof.limit_for(k) != limit for k in kinds())


@pytest.fixture
def my_limits(tmp_path):
    def write(body: str):
        path = tmp_path / "my-limits.toml"
        path.write_text('extends = "performer"\nname = "my-limits"\n[limits]\n' + body, encoding="utf-8")
        return load_profile(str(path))

    return write


def test_never_face_blocks_faces_and_says_so(my_limits):
    prof = my_limits("never_face = true\n")
    verdict = assess([Finding("face", 0.9, "faces", box=(1, 1, 40, 40))], prof)
    assert verdict.level == Level.BLOCK
    assert "顔を写さない" in verdict.reasons[0].ja and "never a face" in verdict.reasons[0].en
    assert assess([_finding("reflection")], prof).level == Level.BLOCK
    assert assess([Finding("face", 0.3, "faces")], prof).level == Level.SAFE  # min_score still applies


def test_never_room_blocks_the_room_and_window(my_limits):
    prof = my_limits("never_room = true\n")
    assert assess([_finding("room_interior")], prof).level == Level.BLOCK
    assert assess([_finding("window_view")], prof).level == Level.BLOCK
    assert assess([_finding("face")], prof).level == Level.DANGER


@pytest.mark.parametrize(
    "limit, blocked, allowed",
    [
        ("none", ["swimwear", "covered_sexual", "exposed_breast", "sexual_image"], []),
        ("covered", ["exposed_breast", "exposed_genitals", "exposed_buttocks", "exposed_anus", "sexual_image"], ["covered_sexual", "swimwear"]),
        ("exposed", [], ["exposed_breast", "covered_sexual", "sexual_image"]),
    ],
)
def test_max_exposure(my_limits, limit, blocked, allowed):
    prof = my_limits(f'max_exposure = "{limit}"\n')
    for kind in blocked:
        verdict = assess([_finding(kind)], prof)
        assert verdict.level == Level.BLOCK and "露出の上限" in verdict.reasons[0].ja, kind
    for kind in allowed:
        assert assess([_finding(kind)], prof).level != Level.BLOCK, kind


def test_a_custom_file_keeps_the_rest_of_performer(my_limits):
    prof = my_limits("never_face = true\n")
    assert prof.name == "my-limits"
    assert prof.level_for("gps", "place") == load_profile("performer").level_for("gps", "place")


# --- teen ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", kinds_in("sexual"))
def test_teen_blocks_any_sexual_content_or_exposure(kind):
    assert assess([_finding(kind)], load_profile("teen")).level == Level.BLOCK


def test_teen_raises_faces_and_school_clues_to_danger():
    teen = load_profile("teen")
    assert assess([_finding("face")], teen).level == Level.DANGER
    assert assess([_finding("school_text")], teen).level == Level.DANGER
    assert assess([_finding("school_uniform")], teen).level == Level.DANGER


def test_teen_says_whom_to_ask_for_help():
    contacts = _raw("teen")["help"]["contacts"]
    verdict = assess([_finding("swimwear")], load_profile("teen"))
    assert all(r.code != "ask_for_help" for r in verdict.reasons)  # help, not a risk: never a numbered reason
    assert "#9110" in " ".join(h["ja"] for h in verdict.help) and "189" in " ".join(h["ja"] for h in verdict.help)
    assert [h["ja"] for h in verdict.help] == [c["ja"] for c in contacts]
    assert verdict.to_dict()["help"][0]["en"] == contacts[0]["en"]


def test_teen_help_starts_at_its_min_level():
    teen = load_profile("teen")
    assert teen.help_min_level == Level(_raw("teen")["help"]["min_level"])
    quiet = assess([_finding("capture_time")], teen)  # caution, below danger
    assert quiet.help == () and all(r.code != "ask_for_help" for r in quiet.reasons)


def test_only_teen_ships_help_contacts():
    assert [n for n in SHIPPED if load_profile(n).help_contacts] == ["teen"]


# --- ai-upload ----------------------------------------------------------------------------------


def test_ai_upload_blocks_documents():
    verdict = assess([Finding("document", 0.9, "documents", attrs={"doc_kind": "passport"})], load_profile("ai-upload"))
    assert verdict.level == Level.BLOCK
    assert "AI" in verdict.reasons[0].fix_ja


@pytest.mark.parametrize("key", _raw("ai-upload")["advice"])
def test_ai_upload_advice_replaces_the_fix(key):
    prof = load_profile("ai-upload")
    kind = key if key in kinds() else kinds_in(key)[0]
    reason = assess([_finding(kind)], prof).reasons[0]
    assert (reason.fix_ja, reason.fix_en) == (_raw("ai-upload")["advice"][key]["ja"], _raw("ai-upload")["advice"][key]["en"])


def test_ai_upload_personal_text_is_danger_with_masking_advice():
    reason = assess([_finding("phone")], load_profile("ai-upload")).reasons[0]
    assert reason.level == Level.DANGER and "塗りつぶ" in reason.fix_ja and "cover" in reason.fix_en


# --- business-intake ----------------------------------------------------------------------------


def _action(findings, runs=()):
    return assess(findings, load_profile("business-intake"), runs).action


@pytest.mark.parametrize("index, rule", list(enumerate(_raw("business-intake")["actions"])))
def test_each_business_intake_action_rule(index, rule):
    examples = {
        "red_line": ([_finding("covered_sexual"), _finding("possible_minor")], ()),
        "detector_failed": ([], (DetectorRun("ocr", RunStatus.FAILED, 1.0, "boom"),)),
    }
    if rule.get("red_line"):
        findings, runs = examples["red_line"]
    elif rule.get("detector_failed"):
        findings, runs = examples["detector_failed"]
    else:
        category = rule["categories"][0]
        findings, runs = [_finding(kinds_in(category)[0])], ()
    assert _action(findings, runs) == rule["action"]


def test_business_intake_follows_policy_order():
    assert _action([_finding("phone"), _finding("exposed_breast")]) == "refuse"
    assert _action([_finding("phone"), _finding("school_text")]) == "escalate"
    assert _action([_finding("exposed_breast"), _finding("school_text")]) == "report"
    assert _action([_finding("phone")], (DetectorRun("sexual", RunStatus.FAILED, 1.0, "x"),)) == "ask_to_mask"
    assert _action([_finding("capture_time"), _finding("gps")]) == "accept"
    assert _action([]) == "accept"


def test_only_business_intake_has_an_action():
    assert [n for n in SHIPPED if assess([_finding("face")], load_profile(n)).action] == ["business-intake"]
