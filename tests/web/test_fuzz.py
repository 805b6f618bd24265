"""Fuzz the REST API from its own OpenAPI with schemathesis, against the real server on loopback: never a 5xx.

One test per operation (collected from the app's OpenAPI) and mode (schema-valid and schema-violating requests);
the examples per test are bounded (GAZOGUARD_FUZZ_EXAMPLES, default 25, deterministic) so the run stays well
under two minutes.
schemathesis' own pytest plugin does not work with pytest 9 here, so its Python API drives Hypothesis directly.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from gazoguard.web.app import create_app
from gazoguard.web.settings import Settings

EXAMPLES = int(os.environ.get("GAZOGUARD_FUZZ_EXAMPLES", "25"))


def _operations() -> list[tuple[str, str, GenerationMode]]:
    # the app opens its data_dir when it is built: keep that out of the working directory
    with tempfile.TemporaryDirectory(prefix="gazoguard-openapi-") as folder:
        paths = create_app(Settings(warm_up=False, data_dir=Path(folder))).openapi()["paths"]
    return [
        (path, method.upper(), mode)
        for path, item in paths.items()
        for method, spec in item.items()
        # a request that violates the schema needs something to violate: a body (every GET here takes any string)
        for mode in ([GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if "requestBody" in spec else [GenerationMode.POSITIVE])
    ]


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def api_schema(live_server):
    return schemathesis.openapi.from_url(f"{live_server}/openapi.json")


@pytest.mark.parametrize(("path", "method", "mode"), OPERATIONS, ids=[f"{m} {p} {mode.value}" for p, m, mode in OPERATIONS])
def test_operation_never_answers_5xx(api_schema, path, method, mode):
    operation = api_schema[path][method]
    statuses: list[int] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def fuzz(case):
        response = case.call(timeout=300)
        statuses.append(response.status_code)
        case.validate_response(response, checks=[not_a_server_error])

    fuzz()
    print(f"{mode.value} {method} {path}: {dict(sorted(Counter(statuses).items()))}")  # shown with -s: what the fuzzing reached
    assert statuses and max(statuses) < 500
