"""schemathesis over the app's whole OpenAPI, in-process (ASGI) or over loopback, anonymous and authenticated:
no server error and no response that contradicts the schema (status code, content type, body schema).

    PYTHONPATH=src .venv/bin/python fuzz/api_contract.py [--examples 50] [--loopback] [--modes positive,negative]

Authenticated runs send the organisation channel's key to the intake API and an operator key to the registry;
anonymous runs send none.  tests/web/test_api_contract.py runs a small slice of the same driver.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

from gazoguard.web.loopback import serving

REPO = Path(__file__).resolve().parents[1]
POLICY = REPO / "examples" / "policy.toml"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@dataclass
class Outcome:
    calls: int = 0
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s >= 500)


@dataclass(frozen=True)
class Keys:
    intake: str
    registry: str


def make_app(data_dir: Path, checker=None):  # type: ignore[no-untyped-def]
    """The full app with one organisation, a channel key and a registry operator key."""
    from gazoguard.hashes.keys import create_key
    from gazoguard.hashes.service import open_registry
    from gazoguard.intake.channels import create_channel_key
    from gazoguard.intake.policies import register_policy
    from gazoguard.web.app import create_app
    from gazoguard.web.settings import Settings

    config = Settings(warm_up=False, data_dir=data_dir, retention_interval_s=0, allowed_hosts=["testserver"],
                      registry_registrations_per_hour=10_000, registry_anonymous_matches_per_hour=10_000)
    app = create_app(config, checker=checker)
    gw = app.state.gateway
    with gw.store.session() as session:
        register_policy(gw.store, session, POLICY.read_text(encoding="utf-8"), "fuzz")
        intake_key = create_channel_key(session, "sakura-zakka", "web-chat")
    root = data_dir / "registry"
    open_registry(str(root), True)
    return app, Keys(intake_key, create_key(root, "fuzz-operator", "operator"))


def operations(schema) -> list[tuple[str, str, GenerationMode]]:  # type: ignore[no-untyped-def]
    out = []
    for path, item in schema.raw_schema["paths"].items():
        for method, spec in item.items():
            modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if "requestBody" in spec else [GenerationMode.POSITIVE]
            out.extend((path, method.upper(), mode) for mode in modes)
    return out


def fuzz_operation(schema, path: str, method: str, mode: GenerationMode, *, examples: int,  # type: ignore[no-untyped-def]
                   keys: Keys | None, base_url: str | None = None) -> Outcome:
    operation = schema[path][method]
    outcome = Outcome()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def run(case):  # type: ignore[no-untyped-def]
        headers = dict(case.headers or {})
        headers.pop("authorization", None)
        headers.pop("Authorization", None)
        if keys is not None and path.startswith("/api/v1/intake"):
            headers["Authorization"] = f"Bearer {keys.intake}"
        elif keys is not None and path.startswith("/api/v1/registry"):
            headers["Authorization"] = f"Bearer {keys.registry}"
        case.headers = headers
        kwargs: dict[str, Any] = {"timeout": 300}
        if base_url:
            kwargs["base_url"] = base_url
        response = case.call(**kwargs)
        outcome.calls += 1
        outcome.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except Exception as failure:  # noqa: BLE001 - every failure is collected and reported
            outcome.failures.append(f"{method} {path} [{mode.value}] {response.status_code}: {str(failure)[:300]}")

    run()
    return outcome


def run_all(schema, *, examples: int, keys: Keys | None, base_url: str | None = None,  # type: ignore[no-untyped-def]
            modes: set[str] | None = None) -> dict[str, Outcome]:
    results = {}
    for path, method, mode in operations(schema):
        if modes and mode.value not in modes:
            continue
        results[f"{mode.value} {method} {path}"] = fuzz_operation(schema, path, method, mode, examples=examples,
                                                                  keys=keys, base_url=base_url)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=50, help="examples per operation, mode and auth (default 50)")
    parser.add_argument("--loopback", action="store_true", help="over a real uvicorn server on 127.0.0.1 too")
    parser.add_argument("--modes", default="positive,negative")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from gazoguard.web.checker import Checker

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="gazoguard-fuzz-") as folder:
        app, keys = make_app(Path(folder) / "data", Checker())
        with TestClient(app), contextlib.ExitStack() as stack:  # the client runs the lifespan (the checker)
            transports = [("in-process", None)]
            if args.loopback:
                transports.append(("loopback", stack.enter_context(serving(app))))
            for transport, url in transports:
                schema = (schemathesis.openapi.from_url(f"{url}/openapi.json") if url
                          else schemathesis.openapi.from_asgi("/openapi.json", app))
                for auth, auth_keys in (("anonymous", None), ("authenticated", keys)):
                    started = time.time()
                    results = run_all(schema, examples=args.examples, keys=auth_keys, base_url=url,
                                      modes=set(args.modes.split(",")))
                    calls = sum(r.calls for r in results.values())
                    statuses = sum((r.statuses for r in results.values()), Counter())
                    failures = [f for r in results.values() for f in r.failures]
                    figures[f"{transport}/{auth}"] = {
                        "operations": len(results), "calls": calls, "seconds": round(time.time() - started, 1),
                        "server_errors": sum(r.server_errors for r in results.values()),
                        "schema_failures": len(failures), "statuses": dict(sorted(statuses.items())),
                        "failures": failures[:20],
                    }
                    print(f"{transport}/{auth}: {len(results)} operation×mode, {calls} calls, "
                          f"{figures[f'{transport}/{auth}']['server_errors']} server errors, {len(failures)} schema failures, "
                          f"statuses {dict(sorted(statuses.items()))}", flush=True)
                    for failure in failures[:20]:
                        print("  ", failure)
        app.state.gateway.close()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    bad = sum(f["server_errors"] + f["schema_failures"] for f in figures.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
