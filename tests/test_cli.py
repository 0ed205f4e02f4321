"""The command line: every command has --help; errors are one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trialdesk import cli
from trialdesk.db import keystore

COMMANDS = [["gui"], ["init"], ["verify"], ["backup"], ["restore"], ["recover"], ["vectors"], ["demo"],
            ["export"], ["export", "casebook"], ["export", "odm"], ["export", "csv"],
            ["user"], ["user", "add"], ["user", "list"], ["user", "set-role"], ["user", "deactivate"],
            ["user", "reactivate"], ["user", "reset-password"], ["user", "unlock"]]


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


# --- trialdesk user … (issue 11) ------------------------------------------------------------------------

ADMIN_PW = "Sterkt-passord-1"
NEW_PW = "Forste-passord-7"


def _user_cli(tmp_path, monkeypatch, *args, password=ADMIN_PW, new_password=NEW_PW):
    monkeypatch.setenv("TRIALDESK_PASSWORD", password)
    if new_password is None:
        monkeypatch.delenv("TRIALDESK_NEW_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("TRIALDESK_NEW_PASSWORD", new_password)
    return cli.main(["user", args[0], "--data-dir", str(tmp_path / "data"), *args[1:]])


def _stored_user(tmp_path, username):
    from trialdesk.db import users as users_repo
    from trialdesk.services.workstation import open_workstation

    store = open_workstation(tmp_path / "data")
    try:
        return users_repo.by_username(store.db, username)
    finally:
        store.close()


def test_user_commands_administer_accounts(tmp_path, monkeypatch, capsys):
    assert _init(tmp_path, monkeypatch) == 0
    capsys.readouterr()
    assert _user_cli(tmp_path, monkeypatch, "add", "--username", "nina", "--full-name", "Nina Nurse",
                     "--role", "nurse", "--by", "admin") == 0
    out = capsys.readouterr()
    assert "Added nina (Nina Nurse, nurse)" in out.out and "temporary" in out.out
    assert NEW_PW not in out.out + out.err and ADMIN_PW not in out.out + out.err  # never printed
    assert _stored_user(tmp_path, "nina").must_change_password
    assert _user_cli(tmp_path, monkeypatch, "add", "--username", "dag", "--full-name", "Dag Doktor",
                     "--role", "investigator", "--by", "admin") == 0
    assert _user_cli(tmp_path, monkeypatch, "set-role", "nina", "--role", "monitor", "--reason", "monitors now",
                     "--by", "admin") == 0
    assert "nina is now monitor." in capsys.readouterr().out
    assert _stored_user(tmp_path, "nina").role.value == "monitor"
    assert _user_cli(tmp_path, monkeypatch, "deactivate", "dag", "--reason", "left", "--by", "admin") == 0
    assert "dag is deactivated." in capsys.readouterr().out
    assert not _stored_user(tmp_path, "dag").active
    assert _user_cli(tmp_path, monkeypatch, "reactivate", "dag", "--reason", "back", "--by", "admin") == 0
    assert _stored_user(tmp_path, "dag").active
    assert _user_cli(tmp_path, monkeypatch, "reset-password", "dag", "--by", "admin",
                     new_password="Nytt-midlertidig-3") == 0
    assert "temporary password" in capsys.readouterr().out
    assert _user_cli(tmp_path, monkeypatch, "list", "--by", "admin") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["user", "role", "active"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert sorted(rows) == ["admin", "dag", "nina"]
    assert rows["nina"][1:6] == ["monitor", "yes", "no", "no", "yes"] and lines[-1].endswith("Nina Nurse")
    assert "$argon2" not in "\n".join(lines)


def test_user_unlock(tmp_path, monkeypatch, capsys):
    from trialdesk.errors import AuthError
    from trialdesk.services import auth
    from trialdesk.services.workstation import open_workstation

    assert _init(tmp_path, monkeypatch) == 0
    assert _user_cli(tmp_path, monkeypatch, "add", "--username", "nina", "--full-name", "Nina Nurse",
                     "--role", "nurse", "--by", "admin") == 0
    store = open_workstation(tmp_path / "data")
    try:
        for _ in range(5):
            with pytest.raises(AuthError):
                auth.login(store, "nina", "wrong-password-1")
    finally:
        store.close()
    capsys.readouterr()
    assert _user_cli(tmp_path, monkeypatch, "unlock", "nina", "--by", "admin") == 0
    assert "nina is unlocked." in capsys.readouterr().out
    assert _stored_user(tmp_path, "nina").locked_until is None
    assert _user_cli(tmp_path, monkeypatch, "unlock", "nina", "--by", "admin") == 2
    assert capsys.readouterr().err == "trialdesk: The account nina is not locked.\n"


@pytest.mark.parametrize("args, message", [
    (("add", "--username", "Nina Nurse", "--full-name", "N", "--role", "nurse", "--by", "admin"), "2-32 characters"),
    (("set-role", "nobody", "--role", "nurse", "--reason", "x", "--by", "admin"), "No user nobody"),
    (("set-role", "admin", "--role", "nurse", "--reason", "x", "--by", "admin"), "own role"),
    (("deactivate", "admin", "--reason", " ", "--by", "admin"), "Enter a reason"),
    (("reset-password", "admin", "--by", "admin"), "Change my password"),
])
def test_user_command_errors_are_one_line(tmp_path, monkeypatch, capsys, args, message):
    assert _init(tmp_path, monkeypatch) == 0
    capsys.readouterr()
    assert _user_cli(tmp_path, monkeypatch, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("trialdesk: ") and err.count("\n") == 1 and message in err and "Traceback" not in err


def test_only_an_administrator_uses_the_user_commands(tmp_path, monkeypatch, capsys):
    assert _init(tmp_path, monkeypatch) == 0
    assert _user_cli(tmp_path, monkeypatch, "add", "--username", "dag", "--full-name", "Dag Doktor",
                     "--role", "investigator", "--by", "admin") == 0
    capsys.readouterr()
    # The doctor's password is still temporary: refused until they choose their own.
    assert _user_cli(tmp_path, monkeypatch, "list", "--by", "dag", password=NEW_PW) == 2
    assert "temporary" in capsys.readouterr().err
    from trialdesk.services import auth
    from trialdesk.services.workstation import open_workstation

    store = open_workstation(tmp_path / "data")
    try:
        auth.change_password(store, auth.login(store, "dag", NEW_PW), NEW_PW, "Doktorens-eget-4")
    finally:
        store.close()
    assert _user_cli(tmp_path, monkeypatch, "list", "--by", "dag", password="Doktorens-eget-4") == 2
    assert "may not manage users" in capsys.readouterr().err
    assert _user_cli(tmp_path, monkeypatch, "list", "--by", "admin", password="wrong-password-1") == 2
    assert capsys.readouterr().err == "trialdesk: Wrong user name or password.\n"


def test_new_passwords_are_asked_twice_without_echo(tmp_path, monkeypatch, capsys):
    assert _init(tmp_path, monkeypatch) == 0
    asked = []
    answers = iter([NEW_PW, "Noe-annet-passord-1", NEW_PW, NEW_PW])
    monkeypatch.setattr("getpass.getpass", lambda prompt: (asked.append(prompt), next(answers))[1])
    monkeypatch.setattr("sys.stdin", _Tty())
    args = ("add", "--username", "nina", "--full-name", "Nina Nurse", "--role", "nurse", "--by", "admin")
    capsys.readouterr()
    assert _user_cli(tmp_path, monkeypatch, *args, new_password=None) == 2
    assert "differ" in capsys.readouterr().err and _stored_user(tmp_path, "nina") is None
    assert _user_cli(tmp_path, monkeypatch, *args, new_password=None) == 0
    assert asked == ["Temporary password for nina: ", "Repeat the password: "] * 2
    assert NEW_PW not in capsys.readouterr().out


class _Tty:
    def isatty(self):
        return True


FILE_KEYRING = """
import json, os
from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1
    path = os.environ["TEST_KEYRING_FILE"]

    def _all(self):
        return json.load(open(self.path)) if os.path.exists(self.path) else {}

    def get_password(self, service, username):
        return self._all().get(service + "/" + username)

    def set_password(self, service, username, password):
        data = self._all()
        data[service + "/" + username] = password
        json.dump(data, open(self.path, "w"))

    def delete_password(self, service, username):
        data = self._all()
        data.pop(service + "/" + username, None)
        json.dump(data, open(self.path, "w"))
"""


def test_user_commands_in_a_process(tmp_path):
    """As a person runs them: separate processes, passwords from the environment, never printed. The key is
    kept by a throw-away plaintext keychain in the test's temporary folder (never a real one)."""
    (tmp_path / "tmpkeyring.py").write_text(FILE_KEYRING)
    env = dict(os.environ, TRIALDESK_DATA_DIR=str(tmp_path / "data"), PYTHON_KEYRING_BACKEND="tmpkeyring.FileKeyring",
               TEST_KEYRING_FILE=str(tmp_path / "keys.json"), PYTHONPATH=str(tmp_path) + os.pathsep +
               os.environ.get("PYTHONPATH", ""), TRIALDESK_PASSWORD=ADMIN_PW, TRIALDESK_NEW_PASSWORD=NEW_PW)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "trialdesk.cli", *args], capture_output=True, text=True,
                              env=env, timeout=120, cwd=Path(__file__).resolve().parents[1])

    made = run("init", "--site-code", "H", "--site-name", "Haukeland", "--admin", "admin",
               "--recovery-sheet", str(tmp_path / "sheet.pdf"))
    assert made.returncode == 0, made.stderr
    added = run("user", "add", "--username", "nina", "--full-name", "Nina Nurse", "--role", "nurse", "--by", "admin")
    assert added.returncode == 0, added.stderr
    listed = run("user", "list", "--by", "admin")
    assert listed.returncode == 0 and "Nina Nurse" in listed.stdout
    refused = run("user", "deactivate", "nina", "--reason", "left", "--by", "nina")
    assert refused.returncode == 2 and refused.stderr.startswith("trialdesk: ") and refused.stderr.count("\n") == 1
    assert "Traceback" not in refused.stderr
    for result in (made, added, listed, refused):
        assert NEW_PW not in result.stdout + result.stderr and ADMIN_PW not in result.stdout + result.stderr


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("trialdesk: ") and err.count("\n") == 1 and "unexpected error" not in err, err
    assert "Traceback" not in err
    return err


def test_a_data_folder_that_is_a_file_is_one_line(tmp_path, monkeypatch, capsys):
    """Issue 14, point 4: what the disk and the OS refuse is said as such, in one line each."""
    (tmp_path / "data").write_text("not a folder")
    for command in (["verify"], ["backup"]):
        assert cli.main([*command, "--data-dir", str(tmp_path / "data")]) == 2
        assert "is a file, not a folder" in _one_line(capsys)
    assert _init(tmp_path, monkeypatch) == 2
    assert "is a file, not a folder" in _one_line(capsys)
    assert (tmp_path / "data").read_text() == "not a folder"


def test_a_path_part_too_long_is_one_line(tmp_path, monkeypatch, capsys):
    assert _init(tmp_path, monkeypatch, folder="x" * 300) == 2
    assert "too long" in _one_line(capsys)
    assert cli.main(["verify", "--data-dir", str(tmp_path / ("y" * 300))]) == 2
    assert "too long" in _one_line(capsys)


def test_permission_denied_is_one_line(tmp_path, monkeypatch, capsys):
    real = Path.mkdir

    def refused(self, *args, **kwargs):
        if self.name == "data":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refused)
    assert _init(tmp_path, monkeypatch) == 2
    assert "permission denied" in _one_line(capsys)


def test_restore_of_a_damaged_file_is_refused_in_one_line(tmp_path, monkeypatch, capsys):
    assert _init(tmp_path, monkeypatch) == 0
    capsys.readouterr()
    (tmp_path / "junk.db").write_bytes(os.urandom(8192))
    assert cli.main(["restore", "--data-dir", str(tmp_path / "data"), str(tmp_path / "junk.db")]) == 2
    assert "Nothing was changed" in _one_line(capsys)
    assert cli.main(["verify", "--data-dir", str(tmp_path / "data")]) == 0
    assert "audit seal (chain head): " in capsys.readouterr().out
