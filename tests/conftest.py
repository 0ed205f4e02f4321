"""Shared fixtures: an in-memory keychain (never the developer's real one) and real encrypted stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

import trialdesk.db.driver  # noqa: E402,F401  (puts sqlcipher3 under sqlite-utils before anything else)
from trialdesk import clock as _clock  # noqa: E402


def _session_moment():
    """The moment every test's clock starts at: ``TRIALDESK_TEST_NOW`` (ISO 8601 with offset) when set,
    else the system clock read once at start-up (which libfaketime moves in CI's second run)."""
    from datetime import datetime

    text = os.environ.get("TRIALDESK_TEST_NOW")
    if not text:
        return _clock.SystemClock().now()
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise pytest.UsageError("TRIALDESK_TEST_NOW needs a UTC offset, e.g. 2028-02-29T23:50:00+01:00")
    return moment


SESSION_NOW = _session_moment()


_PRODUCTION_HASHING: dict = {}


@pytest.fixture(autouse=True, scope="session")
def quick_password_hashing():
    """Argon2id at its production cost (about 0.13 s a hash or check here) is what a sign-in should cost; in the
    suite, the thousands of throw-away passwords its fixtures hash and check made up about four fifths of its time.
    Tests hash with the same algorithm at its lowest cost, and the unknown-name hash is made with it (so an
    unknown name still costs what a wrong password costs). The production parameters themselves are checked with
    :func:`production_password_hashing` (tests/services/test_auth.py)."""
    from argon2 import PasswordHasher

    from trialdesk.services import auth

    production = _PRODUCTION_HASHING["hasher"], _PRODUCTION_HASHING["dummy"] = auth._hasher, auth._DUMMY_HASH
    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    auth._hasher, auth._DUMMY_HASH = quick, quick.hash("an unknown user name")
    yield
    auth._hasher, auth._DUMMY_HASH = production


@pytest.fixture
def production_password_hashing(monkeypatch):
    """The app's own Argon2id hasher and unknown-name hash, for the tests of their cost."""
    from trialdesk.services import auth

    monkeypatch.setattr(auth, "_hasher", _PRODUCTION_HASHING["hasher"])
    monkeypatch.setattr(auth, "_DUMMY_HASH", _PRODUCTION_HASHING["dummy"])


def pytest_report_header(config):
    local = SESSION_NOW.astimezone(_clock.LOCAL_TZ)
    return (f"TrialDesk test clock starts at {local.isoformat(timespec='seconds')} (Oslo) in every test; "
            f"repeat a run with TRIALDESK_TEST_NOW={local.isoformat(timespec='seconds')}")


def at_noon(clock) -> None:
    """Move ``clock`` to 12:00 Oslo time of its day (for tests of something else than the night)."""
    from datetime import datetime, time

    clock.set(datetime.combine(_clock.local_today(), time(12, 0), tzinfo=_clock.LOCAL_TZ))


@pytest.fixture(autouse=True)
def clock():
    """Every test takes "now" from this clock: it starts at :data:`SESSION_NOW` and runs with real elapsed
    time; ``clock.set(...)`` / ``clock.advance(...)`` move it."""
    fixed = _clock.FixedClock(SESSION_NOW)
    previous = _clock.use_clock(fixed)
    yield fixed
    _clock.use_clock(previous)


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in a dict: tests never read or write the OS keychain."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.secrets:
            raise PasswordDeleteError(username)
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True, scope="session")
def workstation_settings(tmp_path_factory):
    """The app's per-workstation settings (the language chosen) in a temp folder: tests never read or write
    the developer's own, and a language chosen there never changes what a test sees."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # the services run without Qt: nothing to isolate
        yield None
        return
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets a fresh in-memory keychain."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def permissive_umask():
    """The umask most desktops run with (022: new files readable by everyone), so that a file TrialDesk
    means to keep private is shown to be private by its own doing, not by the test runner's umask."""
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def file_mode(path) -> int:
    import stat

    return stat.S_IMODE(os.stat(path).st_mode)


ADMIN_PASSWORD = "Sjef-passord-2026"
PASSWORD = "Correct-horse-7"


@pytest.fixture
def workstation(tmp_path):
    """A freshly set-up store (site H) with its administrator; closed after the test.

    A training store: tests use synthetic identity numbers only (month + 80, never a real person's), which a
    real trial store refuses (tests/services/test_identity_register.py sets one up to show that)."""
    from trialdesk.services.workstation import setup_workstation

    result = setup_workstation(
        tmp_path / "data", site_code="H", site_name="Haukeland", admin_username="admin",
        admin_full_name="Ada Admin", admin_password=ADMIN_PASSWORD,
        recovery_sheet=tmp_path / "recovery.pdf", training=True,
    )
    yield result
    result.store.close()


@pytest.fixture
def store(workstation):
    return workstation.store


@pytest.fixture
def admin(workstation):
    return workstation.admin


@pytest.fixture
def users(store, admin):
    """One active user per clinical role (password :data:`PASSWORD`, already their own: not temporary)."""
    from trialdesk.domain.people import Role
    from trialdesk.services import auth

    made = {}
    for role, name, full in ((Role.INVESTIGATOR, "doctor", "Dina Doktor"), (Role.NURSE, "nurse", "Nils Nurse"),
                             (Role.MONITOR, "monitor", "Mona Monitor")):
        made[role] = auth.create_user(store, admin, username=name, full_name=full, role=role, password=PASSWORD,
                                      temporary=False)
    made[Role.ADMINISTRATOR] = admin
    return made


@pytest.fixture
def doctor(users):
    """The investigator of :func:`users`."""
    from trialdesk.domain.people import Role

    return users[Role.INVESTIGATOR]


@pytest.fixture
def nurse(users):
    """The study nurse of :func:`users`."""
    from trialdesk.domain.people import Role

    return users[Role.NURSE]


def another_workstation(folder: Path, site_code: str, site_name: str, admin_username: str, admin_full_name: str):
    """A further training workstation in ``folder`` (another site: the exchange tests pair two or three)."""
    from trialdesk.services import workstation as ws

    return ws.setup_workstation(folder, site_code=site_code, site_name=site_name, admin_username=admin_username,
                                admin_full_name=admin_full_name, admin_password=ADMIN_PASSWORD,
                                recovery_sheet=folder.parent / f"{folder.name}-recovery.pdf", training=True)


def main_window(qtbot, store, user):
    """TrialDesk's main window for ``user``, shown at 1366×768 (the smallest screen at the injection posts)."""
    from trialdesk.ui.main_window import MainWindow

    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def data_files(folder: Path) -> list[Path]:
    return [p for p in Path(folder).rglob("*") if p.is_file()]


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs mounted at ``tmp_path / "disk"``, for a disk that fills up (root only: skipped elsewhere; the
    tests with patched writers in tests/db/test_restore.py cover the same paths everywhere)."""
    import shutil
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)
