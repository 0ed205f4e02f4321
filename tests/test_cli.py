"""The command line: every command has --help; errors are one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from trialdesk import cli
from trialdesk.db import keystore

COMMANDS = [["gui"], ["init"], ["verify"], ["backup"], ["restore"], ["recover"], ["vectors"], ["demo"],
            ["export"], ["export", "casebook"], ["export", "odm"], ["export", "csv"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: trialdesk" in capsys.readouterr().out


def _init(tmp_path, monkeypatch, folder="data"):
    monkeypatch.setenv("TRIALDESK_PASSWORD", "Sterkt-passord-1")
    return cli.main(["init", "--data-dir", str(tmp_path / folder), "--site-code", "h", "--site-name",
                     "Haukeland", "--admin", "admin", "--admin-name", "Ada Admin",
                     "--recovery-sheet", str(tmp_path / f"{folder}-recovery.pdf")])


def test_init_verify_backup_restore(tmp_path, monkeypatch, capsys):
    assert _init(tmp_path, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Created store" in out and (tmp_path / "data-recovery.pdf").read_bytes().startswith(b"%PDF")
    data = str(tmp_path / "data")
    assert cli.main(["verify", "--data-dir", data]) == 0
    assert "audit chain:" in capsys.readouterr().out
    assert cli.main(["backup", "--data-dir", data, "--to", str(tmp_path / "b.db")]) == 0
    assert "verified" in capsys.readouterr().out
    assert cli.main(["restore", "--data-dir", data, str(tmp_path / "b.db")]) == 0
    assert cli.main(["verify", "--data-dir", data]) == 0


def test_init_twice_is_refused_and_store_untouched(tmp_path, monkeypatch, capsys):
    assert _init(tmp_path, monkeypatch) == 0
    db = tmp_path / "data" / "trialdesk.db"
    before = db.read_bytes()
    capsys.readouterr()
    (tmp_path / "data-recovery.pdf").unlink()
    assert _init(tmp_path, monkeypatch) == 2
    err = capsys.readouterr().err
    assert err.startswith("trialdesk: ") and err.count("\n") == 1 and "already holds" in err
    assert db.read_bytes() == before


def test_bad_init_values_are_one_line_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIALDESK_PASSWORD", "short")
    code = cli.main(["init", "--data-dir", str(tmp_path / "d"), "--site-code", "H", "--site-name", "X",
                     "--admin", "admin", "--recovery-sheet", str(tmp_path / "r.pdf")])
    assert code == 2
    err = capsys.readouterr().err
    assert "at least 10 characters" in err and "Traceback" not in err
    assert not (tmp_path / "d").exists() and not (tmp_path / "r.pdf").exists()


def test_verify_without_store(tmp_path, capsys):
    assert cli.main(["verify", "--data-dir", str(tmp_path / "none")]) == 2
    assert "No TrialDesk store" in capsys.readouterr().err


def test_recover_from_stdin(tmp_path, monkeypatch, capsys, memory_keyring):
    assert _init(tmp_path, monkeypatch) == 0
    [(service, store_id)] = list(memory_keyring.secrets)
    key = bytes.fromhex(memory_keyring.secrets[(service, store_id)])
    memory_keyring.secrets.clear()
    data = str(tmp_path / "data")
    assert cli.main(["verify", "--data-dir", data]) == 2
    assert "recovery key" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", _Stdin(keystore.format_recovery_key(key) + "\n"))
    assert cli.main(["recover", "--data-dir", data]) == 0
    assert cli.main(["verify", "--data-dir", data]) == 0


class _Stdin:
    def __init__(self, text):
        self._text = text

    def isatty(self):
        return False

    def readline(self):
        return self._text


def test_verify_exits_1_on_a_tampered_store(tmp_path, monkeypatch, capsys, memory_keyring):
    import sqlcipher3

    assert _init(tmp_path, monkeypatch) == 0
    [(service, store_id)] = list(memory_keyring.secrets)
    key = memory_keyring.secrets[(service, store_id)]
    conn = sqlcipher3.connect(str(tmp_path / "data" / "trialdesk.db"))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute("DROP TRIGGER td_audit_append_only")
    conn.execute("UPDATE audit SET username = 'mallory' WHERE seq = 1")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert cli.main(["verify", "--data-dir", str(tmp_path / "data")]) == 1
    out = capsys.readouterr().out
    assert "BROKEN at row 1" in out and "PROBLEMS FOUND" in out


def test_cli_process_prints_no_traceback(tmp_path):
    env = dict(os.environ, TRIALDESK_DATA_DIR=str(tmp_path / "nowhere"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    out = subprocess.run([sys.executable, "-m", "trialdesk.cli", "verify"], capture_output=True, text=True,
                         env=env, timeout=60)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and out.stderr.startswith("trialdesk: ")


def test_missing_window_libraries_are_named_not_aborted(tmp_path):
    """Qt aborts the process when its X11 plugin lacks a system library; the GUI command looks first and
    says which packages to install (here: libxcb-cursor0 made to look missing)."""
    code = ("import ctypes.util, sys; real = ctypes.util.find_library; "
            "ctypes.util.find_library = lambda name: None if name == 'xcb-cursor' else real(name); "
            "from trialdesk.cli import main; sys.exit(main(['gui', '--data-dir', sys.argv[1]]))")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":0"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "libxcb-cursor" in result.stderr and "sudo apt install libxcb-cursor0" in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
    assert not (tmp_path / "data").exists()  # nothing was created


def test_readme_lists_the_window_libraries():
    from pathlib import Path

    from trialdesk.app import XCB_PACKAGES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert XCB_PACKAGES in readme
