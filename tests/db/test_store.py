"""The encrypted store: driver shim, encryption at rest, keys, refusal paths, migrations."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, data_files, file_mode
from trialdesk.clock import new_id, utc_iso
from trialdesk.db import driver, keystore
from trialdesk.db.connection import Actor, DB_NAME, INFO_NAME, create_store, open_store
from trialdesk.errors import (
    KeychainUnavailable, KeyMissing, NoActingUser, StoreDamaged, StoreExists, StoreInUse, StoreNotFound,
    StoreTooNew, WrongKey,
)
from trialdesk.services import workstation

MARKER = "Zyxwvut-Synthetic-Marker"
ACTOR = Actor("tester", "tester")


def _participant(study_id="KTS11-H-001"):
    now = utc_iso()
    return {"id": new_id(), "site": "H", "created_at": now, "updated_at": now, "study_id": study_id,
            "sex": "F", "birth_date": "1990-05-01", "status": "candidate"}


def _add_identity(store, name=MARKER):
    p = _participant()
    with store.acting(ACTOR) as db:
        db["participants"].insert(p)
        now = utc_iso()
        db["identities"].insert({"id": new_id(), "site": "H", "created_at": now, "updated_at": now,
                                 "participant_id": p["id"], "full_name": name, "id_number": "01859012325"})
    return p


def test_sqlite_utils_uses_sqlcipher3_classes(store):
    """The pysqlite3 shim is in force: sqlite-utils paths that catch driver exceptions work."""
    import sqlcipher3
    import sqlite_utils.db

    assert driver.in_force()
    assert sqlite_utils.db.sqlite3 is sqlcipher3
    db = store.db
    db["scratch"].insert({"id": 1, "a": "x"}, pk="id")
    # alter=True adds a column after catching the driver's OperationalError
    db["scratch"].insert({"id": 2, "a": "y", "b": 3}, alter=True)
    assert "b" in db["scratch"].columns_dict
    db["missing_table"].drop(ignore=True)  # catches OperationalError
    db["scratch"].create_index(["a"], find_unique_name=True)
    db["scratch"].create_index(["a"], find_unique_name=True)
    with pytest.raises(sqlcipher3.IntegrityError):
        db["scratch"].insert({"id": 1, "a": "dup"})
    db["scratch"].insert({"id": 1, "a": "replaced"}, replace=True)
    db["scratch"].drop()
    db.conn.commit()


def test_no_plaintext_on_disk(store, tmp_path):
    """A known string written to the store appears in no file of the data folder, open or closed."""
    _add_identity(store)
    folder = store.folder
    workstation.make_backup(store, None)
    needles = [MARKER.encode(), MARKER.encode("utf-16-le"), b"KTS11-H-001", b"SQLite format 3"]
    for path in data_files(folder):
        raw = path.read_bytes()
        for needle in needles[:3]:
            assert needle not in raw, f"plaintext in {path.name} while open"
    store.close()
    files = data_files(folder)
    assert any(p.name == DB_NAME for p in files)
    for path in files:
        raw = path.read_bytes()
        for needle in needles:
            assert needle not in raw, f"plaintext in {path.name}"


def test_plain_sqlite_cannot_read(store):
    _add_identity(store)
    path = store.path
    store.close()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_wrong_key_is_refused_and_store_untouched(store):
    folder, path = store.folder, store.path
    store.close()
    before = path.read_bytes()
    with pytest.raises(WrongKey, match="does not belong"):
        open_store(folder, keystore.new_key())
    assert path.read_bytes() == before


def test_wrong_key_with_forged_fingerprint_is_still_refused(store):
    """Even if store.json is edited to match another key, SQLCipher refuses it: nothing is created."""
    folder, path = store.folder, store.path
    store.close()
    other = keystore.new_key()
    info = json.loads((folder / INFO_NAME).read_text())
    info["key_check"] = keystore.key_check_value(other)
    (folder / INFO_NAME).write_text(json.dumps(info))
    before = path.read_bytes()
    with pytest.raises(StoreDamaged):
        open_store(folder, other)
    assert path.read_bytes() == before


def test_missing_keychain_entry_asks_for_recovery(store, memory_keyring):
    folder = store.folder
    store.close()
    memory_keyring.secrets.clear()
    with pytest.raises(KeyMissing, match="recovery key"):
        workstation.open_workstation(folder)


def test_no_usable_keychain_gives_clear_message(store):
    import keyring
    from keyring.backends import fail

    folder = store.folder
    store.close()
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeychainUnavailable, match="No usable keychain"):
        workstation.open_workstation(folder)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete_db"])
def test_damaged_store_is_reported_and_never_replaced(store, damage):
    folder, path = store.folder, store.path
    _add_identity(store)
    key = workstation.key_for(folder)
    store.close()
    if damage == "truncate":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00not a database\x00" * 512)
    else:
        path.unlink()
    before = path.read_bytes() if path.exists() else None
    with pytest.raises(StoreDamaged):
        open_store(folder, key)
    assert (path.read_bytes() if path.exists() else None) == before
    with pytest.raises(StoreExists):
        create_store(folder, keystore.new_key(), site_code="H", site_name="x")


def test_no_store_folder(tmp_path):
    with pytest.raises(StoreNotFound, match="No TrialDesk store"):
        open_store(tmp_path / "nothing", keystore.new_key())


def test_newer_store_is_refused(store):
    folder, path = store.folder, store.path
    key = workstation.key_for(folder)
    store.db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    store.db.conn.commit()
    store.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match="newer TrialDesk"):
        open_store(folder, key)
    assert path.read_bytes() == before


def test_second_trialdesk_is_told_clearly(store):
    key = workstation.key_for(store.folder)
    with pytest.raises(StoreInUse, match="already open"):
        open_store(store.folder, key)
    # The first one still works.
    _add_identity(store)


def test_second_process_is_told_clearly(store):
    key = workstation.key_for(store.folder)
    code = (
        "import sys; from pathlib import Path; import trialdesk.db\n"
        "from trialdesk.db.connection import open_store\n"
        "from trialdesk.errors import StoreInUse\n"
        "try:\n    open_store(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))\n"
        "except StoreInUse as e:\n    print('IN USE:', e); sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(store.folder), key.hex()],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 3, out.stderr
    assert "already open" in out.stdout


def test_migrations_are_recorded_and_idempotent(store):
    from trialdesk.db import migrations

    assert migrations.current_version(store.db) == migrations.LATEST
    assert migrations.apply(store.db) == []


def test_writes_without_acting_user_fail(store):
    import sqlcipher3

    with pytest.raises(sqlcipher3.IntegrityError, match="no acting user"):
        store.db["participants"].insert(_participant())
    store.db.conn.rollback()
    assert store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
    with pytest.raises(NoActingUser):
        with store.acting(None):
            pass


def test_plain_sqlcipher_client_opens_store_with_sheet_key(workstation, tmp_path):
    """The recovery sheet's key opens the store in a process with only sqlcipher3 (no TrialDesk)."""
    import pypdf

    _add_identity(workstation.store)
    folder = workstation.store.folder
    workstation.store.close()
    text = "".join(page.extract_text() for page in pypdf.PdfReader(workstation.recovery_sheet).pages)
    lines = [ln.strip() for ln in text.splitlines()]
    groups = [ln for ln in lines if len(ln.replace(" ", "")) == 16 and all(c in "0123456789ABCDEF " for c in ln)]
    assert len(groups) == 4, lines
    key_hex = "".join(groups).replace(" ", "")
    script = (
        "import sys, sqlcipher3\n"
        "c = sqlcipher3.connect(sys.argv[1])\n"
        "c.execute(\"PRAGMA key = \\\"x'%s'\\\"\" % sys.argv[2])\n"
        "print(c.execute('SELECT full_name FROM identities').fetchone()[0])\n"
        "print(c.execute('PRAGMA integrity_check').fetchone()[0])\n"
    )
    out = subprocess.run([sys.executable, "-I", "-c", script, str(folder / DB_NAME), key_hex],
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [MARKER, "ok"]


def test_the_recovery_sheet_is_its_owners_only(permissive_umask, tmp_path):
    """The sheet shows the store's key in plain sight: it is made readable by its owner only (issue 14)."""
    result = workstation.setup_workstation(
        tmp_path / "data", site_code="H", site_name="Haukeland", admin_username="admin",
        admin_full_name="Ada Admin", admin_password=ADMIN_PASSWORD, recovery_sheet=tmp_path / "sheet.pdf")
    result.store.close()
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    assert file_mode(tmp_path / "sheet.pdf") == 0o600


def test_recovery_key_round_trip_and_typos():
    key = keystore.new_key()
    text = keystore.format_recovery_key(key)
    assert len(text.split()) == 16
    assert keystore.parse_recovery_key(text) == key
    assert keystore.parse_recovery_key(text.lower().replace(" ", "-") + " " + keystore.key_checksum(key)) == key
    typo = ("0" if text[0] != "0" else "1") + text[1:]
    from trialdesk.errors import StoreError

    with pytest.raises(StoreError, match="checksum"):
        keystore.parse_recovery_key(typo + keystore.key_checksum(key))
    with pytest.raises(StoreError, match="64 digits"):
        keystore.parse_recovery_key(text[:-5])
    with pytest.raises(StoreError, match="0-9"):
        keystore.parse_recovery_key(text.replace(text[0], "Z", 1))


def test_recover_puts_key_back_and_rebuilds_store_json(store, memory_keyring):
    folder = store.folder
    key = workstation.key_for(folder)
    store.close()
    memory_keyring.secrets.clear()
    (folder / INFO_NAME).unlink()
    with pytest.raises(StoreDamaged, match="recover"):
        workstation.open_workstation(folder)
    with pytest.raises(WrongKey):
        workstation.recover(folder, keystore.format_recovery_key(keystore.new_key()))
    info = workstation.recover(folder, keystore.format_recovery_key(key) + keystore.key_checksum(key))
    assert (folder / INFO_NAME).exists()
    assert keystore.load_key(info.store_id) == key
    reopened = workstation.open_workstation(folder)
    assert reopened.db.execute("SELECT count(*) FROM audit WHERE action = 'KEY_RECOVERED'").fetchone()[0] == 1
    reopened.close()


# --- store.json is checked (issue 14, point 5) ------------------------------------------------------

def _json(value) -> bytes:
    return json.dumps(value).encode()


# How store.json was spoilt -> (its new bytes from the good facts, the words the refusal must say).
BAD_STORE_JSON = {
    "not JSON": (lambda info: _json(info)[:-9], "is not readable JSON"),
    "not text": (lambda info: b"\xff\xfe\x00\x81" * 8, "is not readable JSON"),
    "not an object": (lambda info: _json([info]), "does not hold the store's facts"),
    "no format": (lambda info: _json({k: v for k, v in info.items() if k != "format"}), "does not name its format"),
    "unknown format": (lambda info: _json({**info, "format": "trialdesk-store-9"}),
                       "is in format trialdesk-store-9, which this TrialDesk does not know"),
    "a fact missing": (lambda info: _json({**info, "key_check": ""}), "lacks the store's key_check"),
    "another site": (lambda info: _json({**info, "site_code": "R"}),
                     "names site R but the database belongs to site H"),
}


def _folder_files(folder: Path) -> dict[str, bytes]:
    from trialdesk.db.connection import LOCK_NAME

    return {str(p.relative_to(folder)): p.read_bytes() for p in data_files(folder) if p.name != LOCK_NAME}


@pytest.mark.parametrize("kind", list(BAD_STORE_JSON))
def test_a_bad_store_json_is_refused_and_nothing_changed(store, kind, capsys):
    """store.json is plain text beside the database that anyone may edit: a file that is not JSON, not an
    object, of no or an unknown format, lacking a fact, or naming another site than the database's own is
    refused with one line saying what is wrong and what to do; nothing is opened, written or migrated."""
    from trialdesk import cli

    folder = store.folder
    key = workstation.key_for(folder)
    store.close()
    info = json.loads((folder / INFO_NAME).read_text())
    spoil, words = BAD_STORE_JSON[kind]
    (folder / INFO_NAME).write_bytes(spoil(info))
    before = _folder_files(folder)
    with pytest.raises(StoreDamaged) as refused:
        open_store(folder, key)
    assert words in str(refused.value) and "trialdesk recover" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert cli.main(["verify", "--data-dir", str(folder)]) == 2  # how the CLI (and the window) show it
    err = capsys.readouterr().err
    assert err.startswith("trialdesk: ") and err.count("\n") == 1 and words in err
    assert _folder_files(folder) == before
    # Put right as the message says (the file moved aside, the recovery key typed), the store opens again.
    (folder / INFO_NAME).rename(folder / "store.json.bad")
    workstation.recover(folder, keystore.format_recovery_key(key) + keystore.key_checksum(key))
    reopened = workstation.open_workstation(folder)
    assert reopened.info.site_code == "H"
    reopened.close()


def test_restore_refuses_a_store_json_of_another_site(store, tmp_path):
    """A restore checks store.json's site against the backup's (the database's) before replacing anything."""
    folder = store.folder
    workstation.make_backup(store, None, tmp_path / "b.db")
    store.close()
    info = json.loads((folder / INFO_NAME).read_text())
    (folder / INFO_NAME).write_text(json.dumps({**info, "site_code": "R"}))
    before = _folder_files(folder)
    with pytest.raises(StoreDamaged, match="names site R but the database belongs to site H"):
        workstation.restore(folder, tmp_path / "b.db")
    assert _folder_files(folder) == before


def _page_of(store, table: str) -> tuple[int, int]:
    """The root page number of ``table`` and the page size of the store."""
    root = store.db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    return int(root), int(store.db.execute("PRAGMA page_size").fetchone()[0])


def test_open_checks_cheaply_and_the_full_check_reads_every_page(store):
    """Issue 15, point 2: opening no longer reads every page (SQLite's quick_check, 2.9 s at 5,000 participants).
    A damaged page that the open path does not touch (here the lab results' root page) lets the store open, but the
    full check (store.full_check, the idle check) and ``verify`` find it."""
    folder, path = store.folder, store.path
    key = workstation.key_for(folder)
    assert store.full_check() == []
    root, page_size = _page_of(store, "lab_results")
    store.close()
    data = bytearray(path.read_bytes())
    middle = (root - 1) * page_size + page_size // 2
    data[middle:middle + 16] = bytes(b ^ 0xFF for b in data[middle:middle + 16])
    path.write_bytes(bytes(data))

    reopened = open_store(folder, key)  # the open path does not read the damaged page
    try:
        problems = reopened.full_check()
        assert problems and problems != ["ok"]
        assert workstation.full_check(reopened) == problems
        report = workstation.verify(reopened)  # verify reads every page too, and says so (no crash)
        assert not report.ok and "damaged" in report.lines()[0]
    finally:
        reopened.close()


def test_open_refuses_a_file_shorter_than_its_pages(store):
    """The cheap check on open: a file cut at a page boundary (as a copy cut short) is refused, nothing changed."""
    folder, path = store.folder, store.path
    key = workstation.key_for(folder)
    _add_identity(store)
    store.close()
    data = path.read_bytes()
    page_size = 4096
    assert len(data) // page_size > 4
    cut = data[: (len(data) // page_size - 2) * page_size]
    path.write_bytes(cut)
    with pytest.raises(StoreDamaged):
        open_store(folder, key)
    assert path.read_bytes() == cut
