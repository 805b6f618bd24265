"""Archive-scan fixtures: small generated pictures and one Ray cluster for the whole session.

The cluster is a real ``ray start --head --block`` on loopback (token-authenticated), shared by every
test that needs Ray; the two-node test adds a second raylet to it.  Everything started is stopped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from scan_support import REPO, RayCluster, connect, make_folder  # noqa: E402


@pytest.fixture(scope="session")
def small_archive(tmp_path_factory) -> Path:
    return make_folder(tmp_path_factory.mktemp("archive") / "export", 24)


@pytest.fixture(scope="session")
def ray_cluster(tmp_path_factory):
    """One Ray cluster (2 CPUs on this machine) for every Ray test of the session."""
    cluster = RayCluster(tmp_path_factory.mktemp("raycluster"))
    try:
        ray = connect(cluster)  # sets the cluster's token in the environment before Ray is imported
        yield cluster
        ray.shutdown()
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, launched as tests/web's fixture does; module-scoped so it closes before tests/web opens its own."""
    sys.path.insert(0, str(REPO / "tests" / "web"))
    from browser_support import launched_chromium

    with launched_chromium() as b:
        yield b
