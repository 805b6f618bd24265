"""A slice of the schemathesis contract run (fuzz/api_contract.py) in-process, anonymous and authenticated: no
server error and no response that contradicts the OpenAPI document (status, content type, body)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))
from api_contract import make_app, operations, fuzz_operation  # noqa: E402

EXAMPLES = 8


@pytest.fixture(scope="module")
def contract(checker, tmp_path_factory):
    app, keys = make_app(tmp_path_factory.mktemp("contract") / "data", checker)
    with TestClient(app):
        yield schemathesis.openapi.from_asgi("/openapi.json", app), keys
    app.state.gateway.close()


def _all_operations():
    import tempfile

    from gazoguard.web.app import create_app
    from gazoguard.web.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        raw = create_app(Settings(warm_up=False, data_dir=Path(folder))).openapi()

    class _Raw:
        raw_schema = raw

    return operations(_Raw())


OPERATIONS = _all_operations()


@pytest.mark.parametrize("auth", ["anonymous", "authenticated"])
@pytest.mark.parametrize(("path", "method", "mode"), OPERATIONS, ids=[f"{m} {p} {mode.value}" for p, m, mode in OPERATIONS])
def test_no_server_error_and_no_response_against_the_schema(contract, path, method, mode, auth):
    schema, keys = contract
    outcome = fuzz_operation(schema, path, method, mode, examples=EXAMPLES, keys=keys if auth == "authenticated" else None)
    assert outcome.calls and outcome.server_errors == 0, outcome.statuses
    assert not outcome.failures, "\n".join(outcome.failures[:5])
