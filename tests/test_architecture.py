"""The layer rules of architecture.md hold: import-linter contracts from pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the test extra"
    out = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "Contracts: 4 kept, 0 broken." in out.stdout


def test_services_work_without_qt():
    """A script can drive the services with PySide6 unimportable (how the CLI and most tests work)."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('Qt blocked for this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import trialdesk.services.workstation, trialdesk.services.auth, trialdesk.services.signatures\n"
        "import trialdesk.services.participants, trialdesk.cli, trialdesk.vectors\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


# --- SQL lives in db/ -------------------------------------------------------------------------------

SERVICES = ROOT / "trialdesk" / "services"
# Files of services/ allowed to hold SQL while it is moved into db/ repositories (none left): a file is taken
# off the list as soon as it is clean. Nothing else in services/ may hold SQL or table access.
SQL_ALLOWED: set[str] = set()
_SQL_CALLS = {"execute", "executemany", "executescript", "query"}
_DB_NAMES = {"db", "tx", "conn", "database", "connection"}


def sql_in_source(source: str) -> list[str]:
    """Each ``….execute(…)``-style call and each ``db["table"]`` / ``tx["table"]`` / ``store.db["table"]``
    subscript in ``source``, as ``line: text``."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SQL_CALLS:
            found.append((node.lineno, f".{node.func.attr}("))
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            target = node.value
            name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else None
            if name in _DB_NAMES:
                found.append((node.lineno, f"{name}[{node.slice.value!r}]"))
    return [f"{line}: {text}" for line, text in sorted(found)]


def test_the_sql_scanner_finds_what_it_looks_for():
    sample = ('rows = store.db.execute("SELECT 1")\n'
              'tx["participants"].update(pid, {})\n'
              'store.db["users"].get(uid)\n'
              'db.conn.executescript("")\n'
              'values["status"] = 1\n')
    assert [line.split(":")[0] for line in sql_in_source(sample)] == ["1", "2", "3", "4"]


def test_services_hold_no_sql():
    """Services call repository functions of trialdesk/db/; no execute() and no table access of their own."""
    problems, clean_but_listed = [], []
    files = sorted(SERVICES.rglob("*.py"))
    for path in files:
        rel = path.relative_to(SERVICES).as_posix()
        found = sql_in_source(path.read_text(encoding="utf-8"))
        if rel in SQL_ALLOWED:
            if not found:
                clean_but_listed.append(rel)
            continue
        problems.extend(f"trialdesk/services/{rel}:{line}" for line in found)
    assert not problems, "SQL belongs in a trialdesk/db/ repository:\n" + "\n".join(problems)
    assert not clean_but_listed, f"no SQL left in {clean_but_listed}: remove them from SQL_ALLOWED"
    assert SQL_ALLOWED <= {p.relative_to(SERVICES).as_posix() for p in files}, "SQL_ALLOWED names a missing file"
