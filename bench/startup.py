"""Start-up benchmark: process start to the sign-in window shown (offscreen), against a process that
shows an empty PySide6 window, both measured in the same run. Prints medians and the ratio. TrialDesk's
bytecode is compiled first, as an installed copy has it.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import paired_median_ms, report  # noqa: E402

EMPTY_WINDOW = (
    "import os\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget()\n"
    "w.show()\n"
    "QTimer.singleShot(0, lambda: (print('shown', flush=True), os._exit(0)))\n"
    "app.exec()\n"
)


def make_store(folder: Path) -> str:
    """Set up a store with an in-memory keychain; return the key (hex) for the benchmark keychain."""
    import keyring

    sys.path.insert(0, str(HERE.parent / "tests"))
    from conftest import MemoryKeyring  # the tests' in-memory keychain

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    from trialdesk.services.workstation import setup_workstation

    result = setup_workstation(folder / "data", site_code="H", site_name="Haukeland", admin_username="admin",
                               admin_full_name="Bench Admin", admin_password="Bench-pass-2026",
                               recovery_sheet=folder / "sheet.pdf")
    result.store.close()
    [secret] = backend.secrets.values()
    return secret


def run(cmd: list[str], env: dict) -> None:
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    if out.returncode != 0 or "shown" not in out.stdout:
        raise SystemExit(f"benchmark process failed: {out.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed TrialDesk runs from bytecode (pip compiles it); an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module in every run and measure the compiler.
    import compileall

    compileall.compile_dir(str(HERE.parent / "trialdesk"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        key_hex = make_store(Path(tmp))
        app_env = dict(env, TRIALDESK_EXIT_WHEN_SHOWN="login", TRIALDESK_BENCH_KEY=key_hex,
                       PYTHON_KEYRING_BACKEND="bench_keyring.EnvKeyring",
                       PYTHONPATH=os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")]),
                       TRIALDESK_DATA_DIR=str(Path(tmp) / "data"))
        app_cmd = [sys.executable, "-m", "trialdesk.cli"]
        empty_cmd = [sys.executable, "-c", EMPTY_WINDOW]
        app_ms, empty_ms = paired_median_ms(lambda: run(app_cmd, app_env), lambda: run(empty_cmd, env), args.runs)
    print(f"TrialDesk start-up benchmark ({args.runs} runs each, in turns, medians, offscreen)")
    report("process start -> sign-in window shown", app_ms, empty_ms, "empty PySide6 window", "<= 1.5x")


if __name__ == "__main__":
    main()
