"""Backups: encrypted, verified, rotated; restore round-trips; wrong or foreign backups refused."""

from __future__ import annotations

import pytest

from trialdesk.clock import new_id, utc_iso
from trialdesk.db import keystore
from trialdesk.db.connection import Actor, DB_NAME, open_store
from trialdesk.errors import StoreError, StoreInUse, WrongKey
from trialdesk.services import workstation

ACTOR = Actor("u-1", "dina")
DATA_TABLES = ("participants", "identities", "users", "settings", "signatures", "meta")


def _insert(store, n, prefix="KTS11-H-"):
    with store.acting(ACTOR) as db:
        for i in range(n):
            now = utc_iso()
            db["participants"].insert({"id": new_id(), "site": "H", "created_at": now, "updated_at": now,
                                       "study_id": f"{prefix}{i:03d}", "status": "candidate"})


def _snapshot(store):
    snap = {t: sorted(store.db.execute(f"SELECT * FROM {t}").fetchall()) for t in DATA_TABLES}
    snap["audit"] = store.db.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    return snap


def test_backup_restore_round_trip_is_identical(store, tmp_path):
    _insert(store, 5)
    before = _snapshot(store)
    target = tmp_path / "offsite" / "kts11.db"
    check = workstation.make_backup(store, None, target)
    assert check.path == target and target.exists() and check.integrity == "ok"
    assert b"KTS11-H-" not in target.read_bytes()
    _insert(store, 3, prefix="KTS11-H-9")  # changes after the backup are undone by the restore
    folder = store.folder
    store.close()
    workstation.restore(folder, target)
    restored = open_store(folder, workstation.key_for(folder))
    try:
        after = _snapshot(restored)
        for table in DATA_TABLES:
            assert after[table] == before[table], table
        # The audit trail is the backup's, plus rows for the backup and the restore themselves.
        assert after["audit"][: len(before["audit"])] == before["audit"]
        actions = [r[5] for r in after["audit"][len(before["audit"]):]]
        assert actions == ["RESTORE"]
        assert workstation.verify(restored).ok
    finally:
        restored.close()
    kept = list((folder / "backups").glob("before-restore-*.db"))
    assert len(kept) == 1  # the replaced database was kept


def test_restore_on_a_new_workstation_with_the_recovery_key(store, tmp_path, memory_keyring):
    _insert(store, 2)
    key = workstation.key_for(store.folder)
    backup = workstation.make_backup(store, None, tmp_path / "b.db").path
    store.close()
    memory_keyring.secrets.clear()
    new_folder = tmp_path / "new-pc"
    workstation.restore(new_folder, backup, recovery_key_text=keystore.format_recovery_key(key))
    reopened = workstation.open_workstation(new_folder)  # key is back in the keychain
    try:
        assert reopened.db.execute("SELECT count(*) FROM participants").fetchone()[0] == 2
    finally:
        reopened.close()


def test_backup_of_another_store_is_refused(store, tmp_path):
    other = workstation.setup_workstation(tmp_path / "other", site_code="R", site_name="Outpatient",
                                          admin_username="boss", admin_full_name="B", admin_password="Long-pass-123",
                                          recovery_sheet=tmp_path / "other.pdf")
    foreign = workstation.make_backup(other.store, None, tmp_path / "foreign.db").path
    other.store.close()
    folder = store.folder
    store.close()
    before = (folder / DB_NAME).read_bytes()
    with pytest.raises(WrongKey):
        workstation.restore(folder, foreign)
    assert (folder / DB_NAME).read_bytes() == before


def test_restore_refused_while_store_is_open(store, tmp_path):
    backup = workstation.make_backup(store, None, tmp_path / "b.db").path
    with pytest.raises(StoreInUse):
        workstation.restore(store.folder, backup)


def test_automatic_backups_are_rotated(store):
    from trialdesk.db import settings

    with store.acting(ACTOR) as db:
        settings.put(db, "backups_kept", "3", "H")
    paths = []
    for i in range(5):
        from trialdesk.db import backup as backup_mod

        dest = store.folder / "backups" / f"trialdesk-H-2026010{i}T000000Z.db"
        paths.append(workstation.make_backup(store, None, dest).path)
    backup_mod.rotate(store, 3)
    left = sorted(p.name for p in (store.folder / "backups").glob("trialdesk-H-*.db"))
    assert left == [p.name for p in paths[2:]]


def test_backup_to_existing_file_is_refused(store, tmp_path):
    target = tmp_path / "exists.db"
    target.write_bytes(b"keep me")
    with pytest.raises(StoreError, match="exists already"):
        workstation.make_backup(store, None, target)
    assert target.read_bytes() == b"keep me"


def test_backups_are_audited(store, tmp_path):
    workstation.make_backup(store, None, tmp_path / "x.db")
    row = store.db.execute("SELECT username, new_values FROM audit WHERE action = 'BACKUP'").fetchone()
    assert row[0] == "system" and "x.db" in row[1]
