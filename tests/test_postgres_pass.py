"""Every test that opens a store is in the PostgreSQL pass of `make test` (PG_TESTS in the
Makefile): a new test file that uses a store fixture or makes a database outside those
folders would otherwise run on SQLite only."""
from __future__ import annotations

import ast
import re

from .conftest import ROOT

# fixtures (tests/conftest.py and the folders' own) that are, or are built on, a store
STORE_FIXTURES = {"db_url", "store", "filled", "reader", "example_store", "example_snapshot",
                  "web_store", "writable_store", "client", "husseiniyyun"}
STORE_HELPERS = {"new_db_url", "copy_db", "ingested", "empty_store", "make_store"}


def _pg_tests() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^PG_TESTS \?=((?:.*\\\n)*.*)$", makefile, flags=re.MULTILINE)
    assert found, "no PG_TESTS in the Makefile"
    return found.group(1).replace("\\\n", " ").split()


def _uses_a_store(path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            if {a.arg for a in node.args.args} & STORE_FIXTURES:
                return True
        if isinstance(node, ast.Name) and node.id in STORE_HELPERS | {"Store"}:
            return True
    return False


def test_every_test_that_opens_a_store_runs_on_postgresql():
    covered = _pg_tests()
    missing = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if _uses_a_store(path) and not any(rel == c or rel.startswith(c.rstrip("/") + "/")
                                           for c in covered):
            missing.append(rel)
    assert not missing, f"add to PG_TESTS in the Makefile: {missing}"
