"""Every report, and every error report, validates against the published JSON Schema (gazoguard.report/1)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from PIL import Image

from gazoguard.detectors import Registry
from gazoguard.detectors.base import Detector
from gazoguard.pipeline.engine import Engine
from gazoguard.core.finding import Finding


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("gazoguard").joinpath("schema/report-1.json").read_text(encoding="utf-8"))


class _Several(Detector):
    name = "several"

    def detect(self, picture, scene):
        return [
            Finding("face", 0.9, self.name, box=(1, 1, 20, 20), attrs={"size_px": 19}),
            Finding("gps", 1.0, self.name, text="35.68, 139.76", attrs={"lat": 35.68, "lon": 139.76}),
            Finding("phone", 0.8, self.name, box=(3, 30, 60, 40), text="090-1234-5678"),
        ]


def test_a_report_with_findings_validates(schema):
    report = Engine(Registry([_Several()]), perceptions={}).check(Image.new("RGB", (80, 60)))
    data = json.loads(report.to_json())
    jsonschema.validate(data, schema)
    assert data["schema"] == "gazoguard.report/1"
    assert data["findings"][1]["attrs"]["lat"] == 35.68
    assert data["verdict"]["reasons"][0]["findings"]


def test_an_error_report_validates(schema):
    report = Engine(Registry([_Several()]), perceptions={}).check(b"")
    data = report.to_dict()
    jsonschema.validate(data, schema)
    assert data["error"]["code"] == "empty_file"
    assert data["error"]["message_ja"] and data["error"]["message_en"]


def test_every_catalogue_kind_has_a_category_in_the_schema(schema):
    from gazoguard.core.catalogue import kinds

    allowed = set(schema["$defs"]["finding"]["properties"]["category"]["enum"])
    assert {info.category for info in kinds().values()} <= allowed
