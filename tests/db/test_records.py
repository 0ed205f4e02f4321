"""The record registry (trialdesk.domain.records) matches the store: every column of every audited table of a
freshly migrated store has exactly one entry, and no entry names a column (or table) the store does not have."""

from __future__ import annotations

from trialdesk.db import audit, migrations
from trialdesk.domain import records
from trialdesk.domain.records import Kind


def _columns(db, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()]


def test_every_audited_column_has_a_registry_entry_and_no_entry_is_invented(store):
    audited = migrations.audited_tables(store.db)
    assert audited, "no audited tables found"
    missing, invented = [], []
    for table in audited:
        if table not in records.RECORDS:
            missing.append(f"{table} (the whole table)")
            continue
        declared = records.record(table).columns
        assert len(declared) == len(set(declared)), f"{table} declares a column twice"
        actual = _columns(store.db, table)
        missing += [f"{table}.{c}" for c in actual if c not in declared]
        invented += [f"{table}.{c}" for c in declared if c not in actual]
    invented += [f"{t} (no such audited table)" for t in records.RECORDS if t not in audited]
    assert not missing, f"columns without a registry entry: {missing}"
    assert not invented, f"registry entries naming no column of the store: {invented}"


def test_the_check_above_catches_a_new_column(store):
    """A column added to an audited table (as a later migration would) is reported as missing."""
    with store.db.atomic():
        store.db.execute("ALTER TABLE adverse_events ADD COLUMN narrative TEXT")
    assert "narrative" in _columns(store.db, "adverse_events")
    assert not records.record("adverse_events").has("narrative")


def test_parents_redacted_and_identity_columns_agree_with_the_store(store):
    for rec in records.RECORDS.values():
        if rec.parent is not None:
            assert rec.parent.table in records.RECORDS, rec.table
            assert rec.field(rec.parent.column).kind is Kind.HIDDEN, rec.table  # the parent key is bookkeeping
            foreign = {row[3]: row[2] for row in store.db.execute(f"PRAGMA foreign_key_list({rec.table})")}
            assert foreign.get(rec.parent.column) == rec.parent.table, (rec.table, foreign)
        for f in rec.fields:
            assert f.kind is Kind.HIDDEN or f.label, f"{rec.table}.{f.column} has no label"
            assert not (f.kind is Kind.CODE and not (f.codes or f.vocabulary)), f"{rec.table}.{f.column}"
    # users.password_hash is the one redacted column, exactly as the audit triggers redact it.
    redacted = {(r.table, f.column) for r in records.RECORDS.values() for f in r.fields if f.redacted}
    assert redacted == {("users", "password_hash")}
    trigger = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'td_audit_users_update'").fetchone()[0]
    assert "'password_hash', CASE WHEN NEW.password_hash IS NULL THEN NULL ELSE '***' END" in trigger
    assert {f.column for f in records.record("identities").fields if f.identity} == {
        "full_name", "id_number", "phone", "gp"}
    assert audit.HASHED_COLUMNS  # the audit table itself is not a record


def test_masked_fields_are_the_lab_values():
    masked = {(r.table, f.column) for r in records.RECORDS.values() for f in r.fields if f.masked}
    assert masked == {("lab_results", c) for c in ("entered_value", "value", "flag", "ctcae_term", "ctcae_grade")}


def test_the_registry_parents_are_the_paths_the_audit_triggers_take_to_the_participant(store):
    """audit rows' subject_id is written along the foreign keys (db/audit.subject_paths); the registry's parent
    of each record must be the same first step, so the History tab and the change feed agree."""
    audited = migrations.audited_tables(store.db)
    paths = audit.subject_paths(store.db, audited)
    for table in audited:
        parent = records.record(table).parent
        if table == "participants" or table not in paths:
            continue
        column, parent_table = paths[table][0]
        assert parent is not None, f"{table} reaches participants through {column} but declares no parent"
        assert (parent.table, parent.column) == (parent_table, column), table
