"""The clinical rules import only the standard library (and each other): no Qt, SQL or third-party code (but one)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parents[2] / "trialdesk" / "domain"
RULE_MODULES = ["administration", "adverse_events", "blinding", "ctcae", "dates", "eligibility", "errors",
                "explanations", "identity", "labs", "protocol/__init__", "protocol/model", "protocol/reader",
                "records", "schedule", "severity", "status"]


# The one vetted exception: identity numbers are checked with python-stdnum (pure functions, no I/O, no clock
# read by the functions used), the project's own code kept only for what stdnum does not cover (issue 11).
THIRD_PARTY_ALLOWED = {"identity": {"stdnum"}}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rule_module_imports_only_stdlib(module):
    path = DOMAIN / f"{module}.py"
    for name in _imports(path):
        top = name.split(".")[0]
        assert (top in sys.stdlib_module_names or name.startswith("trialdesk.domain.")
                or top in THIRD_PARTY_ALLOWED.get(module, ())), (
            f"trialdesk/domain/{module}.py imports {name}")


def test_protocol_model_reads_no_file_and_no_lab_rule():
    """The model is plain data: the reader and the lab rules depend on it, never the other way round."""
    names = _imports(DOMAIN / "protocol" / "model.py")
    assert not {n for n in names if n.startswith("trialdesk.")}, names
    assert not names & {"tomllib", "json", "re"}, names


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rule_module_is_documented(module):
    tree = ast.parse((DOMAIN / f"{module}.py").read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and "\n" not in doc.strip(), f"{module}.py needs a one-line module docstring"
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            assert ast.get_docstring(node), f"{module}.{node.name} has no docstring"
