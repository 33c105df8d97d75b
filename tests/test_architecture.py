"""The shape of the code, checked: imports run one way, no circles, nothing too long.

Layers, top to bottom (a module imports from its own layer or lower ones):

    cli → web → workflow → resolve, facts, export, imports, profile, evaluation, campaign
        → store, extract, ingest → knowledge, model, ontology

Extraction is swappable, so outside `extract/` only the workflow and the CLI know it,
and only through `extract.base` and `extract.registry`. Only the store speaks SQL.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "actorgraph"

LAYERS = [
    {"actorgraph", "model", "ontology", "knowledge", "chunking"},
    {"store", "extract", "ingest"},
    {"resolve", "facts", "export", "imports", "profile", "evaluation", "campaign"},
    {"workflow", "parallel", "distributed"},
    {"web"},
    {"cli"},
]
RANK = {part: i for i, layer in enumerate(LAYERS) for part in layer}
EXTRACTION_FACES = {"actorgraph.extract.base", "actorgraph.extract.registry"}
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The actorgraph modules `name` imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{a.name}" for a in node.names] + [module]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        for target in targets:
            while target not in MODULES and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in MODULES and target != name:
                found.add(target)
                break
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_every_area_has_a_layer():
    assert {_area(m) for m in MODULES} <= set(RANK)


def test_imports_never_run_upward():
    upward = [f"{a} -> {b}" for a, deps in GRAPH.items() for b in deps
              if RANK[_area(b)] > RANK[_area(a)]]
    assert not upward


def test_no_import_circles():
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(v: str) -> None:   # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert not circles


def test_extraction_is_known_only_by_its_faces():
    inside = [f"{a} -> {b}" for a, deps in GRAPH.items() for b in deps
              if _area(b) == "extract" and _area(a) != "extract"
              and (b not in EXTRACTION_FACES or _area(a) not in {"workflow", "parallel", "cli"})]
    assert not inside


def test_only_the_store_speaks_sql():
    speakers = []
    for name, path in MODULES.items():
        if _area(name) == "store":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            if any(m.split(".")[0] == "sqlalchemy" for m in mods):
                speakers.append(name)
        if any(d == "actorgraph.store.schema" for d in GRAPH[name]):
            speakers.append(name)
    assert not speakers


def test_the_store_knows_nothing_above_it():
    assert not [f"{a} -> {b}" for a, deps in GRAPH.items() if _area(a) == "store"
                for b in deps if RANK[_area(b)] >= RANK["store"] and _area(b) != "store"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_and_functions_read_in_one_sitting(name):
    source = MODULES[name].read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    long = [f"{n.name}: {n.end_lineno - n.lineno + 1} lines"
            for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            and n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long
