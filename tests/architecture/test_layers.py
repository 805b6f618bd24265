"""The floor plan holds: imports in ``src/gazoguard`` only point down the ladder, and no module imports itself back.

The ladder is written once, here. A package may import its own modules and any
package on a lower rung; packages on the same rung are independent of each other.
Every import counts — at module level, inside functions, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "gazoguard"

#: bottom first; one rung per line
LADDER: tuple[frozenset[str], ...] = tuple(
    frozenset(rung.split())
    for rung in (
        "core",                                                      # Finding, levels, catalogue, errors, geometry, lazy, atomic
        "imaging",                                                   # safe decoding, scaled copies, numbered marks
        "metadata perception",                                       # container/EXIF parsing; OCR, faces, Scene
        "vision recognizers profiles",                               # picture heuristics; personal-text recognizers; profiles
        "detectors",                                                 # one detector per file
        "pipeline",                                                  # engine → verdict → report, explain, annotate
        "redaction talk terms playbooks hashes evidence store",      # features built on a checked picture
        "auth",                                                      # users, sessions, roles (on the store)
        "intake",                                                    # the business gateway, its retention
        "evaluation scan",                                           # measuring and archive scans
        "web",                                                       # the FastAPI app, pages, console
        "cli",                                                       # one module per command
        "<facade>",                                                  # gazoguard/__init__, __main__, old-path stubs
    )
)
FACADE = frozenset({"__init__", "__main__", "finding", "picture"})  # modules at the package root


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room(module: str) -> str:
    """The top-level package a module lives in, or ``<facade>`` for the modules at the root."""
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and parts[1] in FACADE and not (SRC / parts[1]).is_dir()):
        return "<facade>"
    return parts[1]


def rung_of(room_name: str) -> int:
    for index, rung in enumerate(LADDER):
        if room_name in rung:
            return index
    raise AssertionError(f"{room_name!r} is on no rung of the ladder: add it to LADDER in {__file__}")


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Every gazoguard module ``path`` imports, anywhere in the file."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("gazoguard"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("gazoguard"):
                for alias in node.names:
                    submodule = f"{target}.{alias.name}"
                    found.add(submodule if submodule in modules else target)
    return {m for m in found if m in modules and m != own}


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in SRC.rglob("*.py") if "migrations" not in p.parts}
    modules = set(paths)
    return {name: imports_of(path, modules) for name, path in paths.items()}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_no_module_imports_itself_back():
    assert find_cycles(import_graph()) == []


def test_imports_only_point_down_the_ladder():
    climbing = []
    for module, targets in sorted(import_graph().items()):
        here = room(module)
        for target in sorted(targets):
            there = room(target)
            if there == here:
                continue
            if rung_of(there) >= rung_of(here):
                climbing.append(f"{module} → {target} ({here} may not import {there})")
    assert climbing == []


def test_nothing_inside_uses_the_old_paths():
    """The root stubs are for plug-in authors; gazoguard's own code imports the real modules."""
    users = [m for m, targets in import_graph().items() if room(m) != "<facade>" and targets & {"gazoguard.finding", "gazoguard.picture"}]
    assert users == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_the_cycle_finder_finds_cycles(graph, expected):
    assert find_cycles(graph) == expected


def test_every_room_is_on_the_ladder_once():
    for name in {room(m) for m in import_graph()}:
        rung_of(name)
    placed = [name for rung in LADDER for name in rung]
    assert len(placed) == len(set(placed))
