"""Restore rescues and set-up never leaves half a store (issue 14, points 3 and 4): restore over a damaged or missing
database, refusals before anything is touched (newer schema, another store, a damaged file), write beside then
rename also when the disk fills, a failed set-up that can be run again, and the one-line messages."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from tests.conftest import ADMIN_PASSWORD, another_workstation
from trialdesk.clock import new_id, utc_iso
from trialdesk.db import backup, keystore
from trialdesk.db.connection import DB_NAME, Actor
from trialdesk.errors import StoreError, StoreTooNew, TrialDeskError, WrongKey
from trialdesk.services import workstation as ws

ACTOR = Actor("u-1", "dina")


def _insert(store, n, prefix="KTS11-H-", pad=""):
    with store.acting(ACTOR) as db:
        for i in range(n):
            now = utc_iso()
            db["participants"].insert({"id": new_id(), "site": "H", "created_at": now, "updated_at": now,
                                       "study_id": f"{prefix}{i:04d}", "status": "candidate",
                                       "birth_date": pad or None})


@pytest.fixture
def backed_up(store, tmp_path):
    """A store with a backup of 5 participants taken before 2 more were added; the store is closed."""
    _insert(store, 5)
    check = ws.make_backup(store, None, tmp_path / "offsite" / "kts11.db")
    _insert(store, 2, prefix="KTS11-H-9")
    folder = store.folder
    store.close()
    return folder, check.path


def _participants(folder) -> int:
    store = ws.open_workstation(folder)
    try:
        return store.db.execute("SELECT count(*) FROM participants").fetchone()[0]
    finally:
        store.close()


def _untouched(folder: Path):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith("trialdesk.lock")}


def test_restore_when_the_live_database_is_damaged(backed_up):
    folder, source = backed_up
    db = folder / DB_NAME
    data = bytearray(db.read_bytes())
    data[0:4096] = os.urandom(4096)  # the first page (header and schema) unreadable
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        ws.open_workstation(folder)
    ws.restore(folder, source)
    assert _participants(folder) == 5
    kept = list((folder / "backups").glob("before-restore-*-damaged.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)  # the damaged file is kept as it was
    store = ws.open_workstation(folder)
    try:
        report = ws.verify(store)
        assert report.ok, report.lines()
    finally:
        store.close()


def test_restore_when_the_live_database_is_missing(backed_up):
    folder, source = backed_up
    (folder / DB_NAME).unlink()
    ws.restore(folder, source)
    assert _participants(folder) == 5


@pytest.mark.parametrize("damage", ["newer schema", "foreign store", "flipped bytes", "truncated", "empty", "text"])
def test_a_bad_backup_is_refused_before_anything_is_touched(backed_up, tmp_path, damage):
    folder, source = backed_up
    key = ws.key_for(folder)
    bad = tmp_path / "bad.db"
    if damage == "newer schema":
        shutil.copyfile(source, bad)
        conn = sqlcipher3.connect(str(bad))
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
        conn.commit()
        conn.close()
    elif damage == "foreign store":
        other = another_workstation(tmp_path / "other", "R", "Other", "radmin", "R Admin")
        try:
            ws.make_backup(other.store, None, bad)
        finally:
            other.store.close()
    elif damage == "flipped bytes":
        data = bytearray(source.read_bytes())
        for at in range(5000, len(data), 7919):
            data[at] ^= 0xFF
        bad.write_bytes(bytes(data))
    elif damage == "truncated":
        bad.write_bytes(source.read_bytes()[: len(source.read_bytes()) // 2])
    elif damage == "empty":
        bad.write_bytes(b"")
    else:
        bad.write_text("not a database at all\n")
    before = _untouched(folder)
    with pytest.raises(TrialDeskError) as caught:
        ws.restore(folder, bad)
    assert "nothing was" in str(caught.value).lower()
    if damage == "newer schema":
        assert isinstance(caught.value, StoreTooNew)
    if damage == "foreign store":
        assert isinstance(caught.value, WrongKey)
    assert _untouched(folder) == before
    assert not (folder / "backups").exists() or not list((folder / "backups").glob("before-restore-*"))
    assert _participants(folder) == 7


def test_restore_that_runs_out_of_disk_leaves_the_database_as_it_was(backed_up, monkeypatch):
    folder, source = backed_up
    before = _untouched(folder)
    real = backup.copy_into

    def full_disk(src, key, dest):
        real(src, key, dest)
        Path(dest).write_bytes(Path(dest).read_bytes()[:8192])  # half written …
        raise sqlcipher3.OperationalError("database or disk is full")  # … when the disk filled

    monkeypatch.setattr(backup, "copy_into", full_disk)
    with pytest.raises(StoreError, match="the disk is full. The store was left as it was"):
        ws.restore(folder, source)
    assert _untouched(folder) == before
    assert not list(folder.glob("*.restoring*"))
    monkeypatch.undo()
    assert _participants(folder) == 7
    ws.restore(folder, source)  # and once there is room it works
    assert _participants(folder) == 5


def test_restore_keeps_the_chain_witnessed_by_its_backups(backed_up):
    """After a restore the replaced history is in the kept copy; verify says so but does not call it a rewrite."""
    folder, source = backed_up
    ws.restore(folder, source)
    store = ws.open_workstation(folder)
    try:
        report = ws.verify(store)
    finally:
        store.close()
    assert report.ok, report.lines()
    explained = [w for w in report.witnesses if w.explained_by]
    assert len(explained) == 1 and explained[0].path.name.startswith("before-restore-")


# --- set-up: built beside, renamed once whole; a failed one can be run again ------------------------------------


def _setup(tmp_path, folder, sheet="recovery.pdf"):
    return ws.setup_workstation(folder, site_code="H", site_name="Haukeland", admin_username="admin",
                                admin_full_name="Ada Admin", admin_password=ADMIN_PASSWORD,
                                recovery_sheet=tmp_path / sheet, training=True)


def test_init_on_a_full_disk_leaves_nothing_and_can_be_retried(tmp_path, monkeypatch):
    from trialdesk.db import migrations

    real = migrations.apply
    calls = {"n": 0}

    def full(db):
        calls["n"] += 1
        real(db)
        raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "apply", full)
    folder = tmp_path / "data"
    with pytest.raises(StoreError, match="the disk is full"):
        _setup(tmp_path, folder)
    assert calls["n"] == 1
    assert not folder.exists() or not any(folder.glob("trialdesk.db*"))
    assert not (tmp_path / "recovery.pdf").exists()
    monkeypatch.undo()
    result = _setup(tmp_path, folder)
    result.store.close()
    assert _participants(folder) == 0


def test_a_set_up_killed_half_way_can_be_run_again(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / ws.SETUP_MARKER).write_text("set-up under way\n")
    (folder / DB_NAME).write_bytes(b"")  # what a kill could leave: the marker, a store half made
    (folder / "store.json").write_text("{}")
    result = _setup(tmp_path, folder)
    result.store.close()
    assert not (folder / ws.SETUP_MARKER).exists()
    store = ws.open_workstation(folder)
    try:
        assert ws.verify(store).ok
    finally:
        store.close()


def test_restore_on_a_new_workstation_after_a_failed_restore(store, tmp_path, memory_keyring, monkeypatch):
    _insert(store, 2)
    key = ws.key_for(store.folder)
    source = ws.make_backup(store, None, tmp_path / "kts11.db").path
    store.close()
    new_folder = tmp_path / "new"
    monkeypatch.setattr(backup, "copy_into", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(StoreError, match="the disk is full"):
        ws.restore(new_folder, source, recovery_key_text=keystore.format_recovery_key(key))
    assert not (new_folder / DB_NAME).exists() and not (new_folder / "store.json").exists()
    monkeypatch.undo()
    ws.restore(new_folder, source, recovery_key_text=keystore.format_recovery_key(key))
    assert _participants(new_folder) == 2


# --- a real small disk (tmpfs; needs root) ---------------------------------------------------------------------




def _fill(mount: Path, leave: int) -> None:
    """Fill the disk at ``mount`` up to ``leave`` bytes free."""
    free = shutil.disk_usage(mount).free
    with open(mount / "filler", "wb") as handle:
        handle.write(b"\0" * max(0, free - leave))


def test_a_save_on_a_full_disk_says_so_and_saves_nothing(small_disk, tmp_path):
    from trialdesk.services import auth

    result = _setup(tmp_path, small_disk / "data")
    store = result.store
    try:
        count = store.db.execute("SELECT count(*) FROM participants").fetchone()[0]
        _fill(small_disk, 0)
        with pytest.raises(StoreError) as caught:
            _insert(store, 200, pad="x" * 2000)
        assert str(caught.value).startswith("The disk is full: nothing was saved.")
        (small_disk / "filler").unlink()
        assert store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == count
        auth.login(store, "admin", ADMIN_PASSWORD)  # the store goes on working once there is room
    finally:
        store.close()
    reopened = ws.open_workstation(small_disk / "data")
    try:
        assert ws.verify(reopened).ok
    finally:
        reopened.close()


def test_restore_on_a_full_disk_leaves_the_database_as_it_was(small_disk, tmp_path, store):
    _insert(store, 300, pad="y" * 1500)  # a backup larger than the room left on the small disk
    source = ws.make_backup(store, None, tmp_path / "big.db").path
    folder = store.folder
    store.close()
    shutil.copytree(folder, small_disk / "data", ignore=shutil.ignore_patterns("trialdesk.lock*", "backups"))
    small = small_disk / "data"
    before = _untouched(small)
    _fill(small_disk, source.stat().st_size // 3)
    with pytest.raises(StoreError, match="the disk is full"):
        ws.restore(small, source)
    assert _untouched(small) == before
    assert not list(small.glob("*.restoring*"))
