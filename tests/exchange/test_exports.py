"""ODM 1.3.2 and CSV exports from a real store: schema-valid, audit-complete, no identity data,
masked values left out for blinded users, only monitors and investigators may export, audited."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from tests.conftest import PASSWORD
from trialdesk.cli import main
from trialdesk.domain.people import Role
from trialdesk.errors import PermissionDenied, TrialDeskError
from trialdesk.services import exports

# CI has shared/ beside the clone: ../shared/standards/odm-1.3.2. Missing means FAIL, never skip.
XSD = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "odm-1.3.2" / "ODM1-3-2.xsd"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
IDENTITY = ("Testperson", "+47 400 00 000", "Dr. Test", "identities")


@pytest.fixture(scope="module")
def schema():
    assert XSD.exists(), f"the official ODM 1.3.2 schema is missing: {XSD}"
    return xmlschema.XMLSchema(str(XSD))


def test_odm_is_valid_archival_and_complete(store, users, trial, schema):
    monitor = users[Role.MONITOR]
    result = exports.export_odm(store, monitor)
    schema.validate(result.data.decode("utf-8"))
    root = ET.fromstring(result.data)
    assert root.get("FileType") == "Transactional" and root.get("Archival") == "Yes"
    assert root.get("ODMVersion") == "1.3.2"
    assert "Upsert" not in result.data.decode()
    created = root.get("CreationDateTime")
    stamps = [e.text for e in root.iter(f"{{{NS['odm']}}}DateTimeStamp")]
    assert stamps and all(s < created for s in stamps)
    audit_stamps = [r.find("odm:DateTimeStamp", NS).text for r in root.iter(f"{{{NS['odm']}}}AuditRecord")]
    assert audit_stamps == sorted(audit_stamps)
    # Every UPDATE with a reason in the audit trail carries its ReasonForChange.
    reasons = {r.find("odm:SourceID", NS).text: (r.find("odm:ReasonForChange", NS).text
                                                 if r.find("odm:ReasonForChange", NS) is not None else None)
               for r in root.iter(f"{{{NS['odm']}}}AuditRecord")}
    updates = store.db.execute(
        "SELECT seq, reason FROM audit WHERE action = 'UPDATE' AND table_name IN "
        "('participants','screenings','lab_results','dose_visits','adverse_events','planned_visits')").fetchall()
    assert updates
    exported = 0
    for seq, reason in updates:
        if f"audit:{seq}" in reasons:
            exported += 1
            assert reasons[f"audit:{seq}"] == reason and reason
    assert exported >= 3
    assert "typing error, lab report says 204" in result.data.decode()
    # Signatures with ID, user, location, definition and time; users and locations defined.
    sigs = list(root.iter(f"{{{NS['odm']}}}Signature"))
    assert len(sigs) == result.signatures == 2
    for sig in sigs:
        assert sig.get("ID") and sig.find("odm:SignatureRef", NS) is not None
    users_defined = {u.get("OID") for u in root.iter(f"{{{NS['odm']}}}User")}
    refs = {u.get("UserOID") for u in root.iter(f"{{{NS['odm']}}}UserRef")}
    assert refs <= users_defined and "USR.doctor" in refs
    assert {x.get("LocationOID") for x in root.iter(f"{{{NS['odm']}}}LocationRef")} <= \
        {x.get("OID") for x in root.iter(f"{{{NS['odm']}}}Location")}
    subjects = {s.get("SubjectKey") for s in root.iter(f"{{{NS['odm']}}}SubjectData")}
    assert subjects == {"KTS11-H-001", "KTS11-H-002"}
    text = result.data.decode()
    for leak in IDENTITY:
        assert leak not in text, leak
    assert not {d.get("SDSVarName") for d in root.iter(f"{{{NS['odm']}}}ItemDef")} & {"ARM", "ACTARM", "ARMCD"}
    # The blinded monitor's export leaves out masked values (IgG 2.1 after the first dose).
    assert result.masked_values > 0 and 'Value="2,1"' not in text and 'Value="2.1"' not in text
    row = store.db.execute("SELECT username, new_values FROM audit WHERE action = 'EXPORT' ORDER BY seq DESC").fetchone()
    detail = json.loads(row[1])
    assert row[0] == "monitor" and detail["sha256"] == hashlib.sha256(result.data).hexdigest()
    assert detail["format"] == "odm-1.3.2"


def test_unblinded_investigator_exports_every_value(store, users, trial, schema):
    from trialdesk.db import users as users_repo
    from trialdesk.services import visits as vs

    doctor = users[Role.INVESTIGATOR]
    vs.set_unblinded(store, users[Role.ADMINISTRATOR], doctor.id, True, reason="designated unblinded physician")
    result = exports.export_odm(store, users_repo.get(store.db, doctor.id))
    schema.validate(result.data.decode())
    assert result.masked_values == 0 and 'Value="2.1"' in result.data.decode()


def test_csv_domains(store, users, trial):
    result = exports.export_csv(store, users[Role.MONITOR])
    assert set(result.files) == {"dm.csv", "ie.csv", "lb.csv", "ec.csv", "ae.csv", "cm.csv", "ds.csv", "sv.csv",
                                 "readme.txt"}
    tables = {name: list(csv.DictReader(io.StringIO(data.decode("utf-8")))) for name, data in result.files.items()
              if name.endswith(".csv")}
    dm = {r["USUBJID"]: r for r in tables["dm.csv"]}
    assert dm["KTS11-H-001"]["SEX"] == "F" and dm["KTS11-H-001"]["RFICDTC"] == "2026-03-01"
    assert dm["KTS11-H-001"]["RFSTDTC"] == "2026-05-25T10:00:00+02:00"  # the Oslo time of the first dose
    ie = [r for r in tables["ie.csv"] if r["USUBJID"] == "KTS11-H-002" and r["IETESTCD"] == "E3"]
    assert ie[0]["IEORRES"] == "Y" and ie[0]["IECAT"] == "EXCLUSION"
    hb = [r for r in tables["lb.csv"] if r["LBTESTCD"] == "HGB" and r["VISIT"] == "D2"][0]
    assert (hb["LBORRES"], hb["LBORRESU"], hb["LBSTRESN"], hb["LBSTRESU"], hb["LBNRIND"], hb["LBTOXGR"]) == \
        ("9.5", "g/dL", "95", "g/L", "LOW", "2")
    igg = [r for r in tables["lb.csv"] if r["LBTESTCD"] == "IGG" and r["VISIT"] == "D2"][0]
    assert igg["LBORRES"] == "" and igg["LBSTRESN"] == "" and igg["LBREASND"] == "MASKED FOR BLINDED USER"
    ec = tables["ec.csv"]
    assert [r["ECREFID"] for r in ec] == ["KIT-000123", "KIT-000124"] and ec[0]["ECTRT"] == "MASKED"
    ae = {r["AETERM"]: r for r in tables["ae.csv"]}
    sae = ae["innlagt med feber og frysninger"]
    assert (sae["AESER"], sae["AESHOSP"], sae["AETOXGR"], sae["AEONGO"]) == ("Y", "Y", "3", "Y")
    everything = b"".join(result.files.values()).decode()
    for leak in IDENTITY:
        assert leak not in everything
    assert store.db.execute("SELECT count(*) FROM audit WHERE action = 'EXPORT'").fetchone()[0] == 1


def test_only_monitor_or_investigator_may_export(store, users, trial):
    for role in (Role.NURSE, Role.ADMINISTRATOR):
        with pytest.raises(PermissionDenied):
            exports.export_odm(store, users[role])
        with pytest.raises(PermissionDenied):
            exports.export_csv(store, users[role])
    assert store.db.execute("SELECT count(*) FROM audit WHERE action = 'EXPORT'").fetchone()[0] == 0


def test_cli_exports(workstation, users, trial, tmp_path, monkeypatch, capsys, schema):
    folder = workstation.store.folder
    workstation.store.close()
    monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
    args = ["--data-dir", str(folder), "--user", "monitor"]
    assert main(["export", "odm", *args, "--out", str(tmp_path / "x.xml")]) == 0
    schema.validate(str(tmp_path / "x.xml"))
    assert main(["export", "csv", *args, "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "lb.csv").exists()
    assert main(["export", "casebook", *args, "--participant", "KTS11-H-001", "--out", str(tmp_path / "c.pdf")]) == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    # Errors are one line, never a traceback.
    assert main(["export", "odm", *args, "--out", str(tmp_path / "x.xml")]) == 2
    assert main(["export", "odm", "--data-dir", str(folder), "--user", "nurse", "--out", str(tmp_path / "n.xml")]) == 2
    assert main(["export", "casebook", *args, "--participant", "KTS11-H-999", "--out", str(tmp_path / "d.pdf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("trialdesk: ") for line in err)
    assert "Traceback" not in "\n".join(err) and "may not export data" in err[1]
    assert not (tmp_path / "n.xml").exists()


def test_csv_variables_of_record_fields_are_the_registrys():
    """LB, EC, AE, CM, DS and SV carry every variable the record registry declares for their records, and the
    exporter names none of them itself (it reads them from the registry: a field's sdtm or its derived variables)."""
    import ast

    from trialdesk.domain import records
    from trialdesk.exchange import csv_export
    from trialdesk.services.screening import protocol

    declared = set()
    assert set(csv_export.RECORDS_OF) == {"LB", "EC", "AE", "CM", "DS", "SV"}
    for domain, tables in csv_export.RECORDS_OF.items():
        variables = [v for t in tables for v in records.csv_variables(t, domain)]
        assert variables and set(variables) <= set(csv_export.DOMAINS[domain]), domain
        declared |= set(variables)
    root = Path(__file__).resolve().parents[2] / "trialdesk"
    own = []
    for path in (root / "services" / "exports.py", root / "exchange" / "csv_export.py", root / "exchange" / "sdtm.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in declared:
                own.append(f"{path.name}:{node.lineno}: {node.value}")
    assert not own, own
    # The derived variables are documented where they are declared, with a value for every code (a protocol
    # vocabulary's codes: every analyte of the protocol; a yes/no column: True and False).
    site = records.field_of("administrations", "injection_site")
    assert [d.variable for d in site.derived] == ["ECLOC", "ECLAT"]
    vocabularies = {"analyte": set(protocol().labs)}
    checked = 0
    for rec in records.RECORDS.values():
        for f in rec.fields:
            for d in f.derived:
                assert d.how, (rec.table, f.column, d.variable)
                assert d.domain in (None, *csv_export.DOMAINS), (rec.table, f.column, d.variable)
                if d.values is None:
                    continue
                codes = ({True, False} if f.kind is records.Kind.BOOL else vocabularies[f.vocabulary]
                         if f.vocabulary else set(f.codes or {}))
                assert codes and set(d.values) == codes, (rec.table, f.column, d.variable)
                assert all(v is None or v == v.upper() or d.variable == "LBTEST" for v in d.values.values())
                checked += 1
    assert checked >= 15


def test_csv_derived_and_registry_named_values(store, users, trial):
    result = exports.export_csv(store, users[Role.MONITOR])
    lb = list(csv.DictReader(io.StringIO(result.files["lb.csv"].decode("utf-8"))))
    ec = list(csv.DictReader(io.StringIO(result.files["ec.csv"].decode("utf-8"))))
    given = [r for r in ec if r["ECOCCUR"] == "Y"]
    assert given and {(r["ECLOC"], r["ECLAT"]) for r in given} <= {("ABDOMEN", "LEFT"), ("ABDOMEN", "RIGHT")}
    samples = {sample for (sample,) in store.db.execute("SELECT sample_id FROM lab_results")}
    dose_rows = [r for r in lb if r["LBCAT"] != "SCREENING"]
    assert dose_rows and {r["LBREFID"] for r in dose_rows} <= samples  # the sample, as the ODM says
    assert {r["LBNRIND"] for r in dose_rows if r["LBREASND"] == ""} <= {"LOW", "HIGH", "NORMAL"}
    assert {r["LBTPT"] for r in dose_rows} == {"PRE-DOSE"}
    assert {r["ECOCCUR"] for r in ec} == {"Y"} and {r["VISITNUM"] for r in ec} == {"2", "3"}


def test_cli_exports_are_their_owners_only(workstation, users, trial, tmp_path, monkeypatch, permissive_umask):
    """Exports hold clinical data: every file the CLI writes is readable by its owner only (issue 14), and
    so is a folder it makes for the CSV."""
    from tests.conftest import file_mode

    folder = workstation.store.folder
    workstation.store.close()
    monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
    args = ["--data-dir", str(folder), "--user", "monitor"]
    assert main(["export", "odm", *args, "--out", str(tmp_path / "x.xml")]) == 0
    assert main(["export", "csv", *args, "--out", str(tmp_path / "csv")]) == 0
    assert main(["export", "casebook", *args, "--participant", "KTS11-H-001", "--out", str(tmp_path / "c.pdf")]) == 0
    written = [tmp_path / "x.xml", tmp_path / "c.pdf", *sorted((tmp_path / "csv").iterdir())]
    assert len(written) > 3 and {p.name for p in written} >= {"x.xml", "c.pdf", "lb.csv", "readme.txt"}
    assert {p.name: file_mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert file_mode(tmp_path / "csv") == 0o700


# --- streamed exports (issue 15, point 4) ----------------------------------------------------------------------

def test_odm_written_to_a_file_as_it_is_made_is_the_same_valid_document(store, users, trial, schema, tmp_path):
    """The ODM file written to disk (as the CLI does) is the document made in memory, byte for byte: valid against
    the official schema, its sha256 the one audited, readable by its owner only; an existing file is refused."""
    from datetime import timezone

    from tests.conftest import file_mode
    from trialdesk.clock import utc_now

    monitor = users[Role.MONITOR]
    now = utc_now().astimezone(timezone.utc)
    in_memory = exports.export_odm(store, monitor, now=now)
    written = exports.export_odm(store, monitor, now=now, out=tmp_path / "kts11.xml")
    data = (tmp_path / "kts11.xml").read_bytes()
    assert written.data is None and written.path == tmp_path / "kts11.xml"
    assert data == in_memory.data and written.sha256 == hashlib.sha256(data).hexdigest() == in_memory.sha256
    assert written.size == len(data) and written.transactions == in_memory.transactions
    schema.validate(data.decode("utf-8"))
    assert os.name == "nt" or file_mode(tmp_path / "kts11.xml") == 0o600
    with pytest.raises(TrialDeskError, match="already exists"):
        exports.export_odm(store, monitor, out=tmp_path / "kts11.xml")
    assert (tmp_path / "kts11.xml").read_bytes() == data


def test_odm_transactions_are_written_before_the_next_audit_row_is_read(store, users, trial):
    """Streamed: when the writer asks for the next audit row, every transaction before it is already in the file
    (nothing is held back until the end), so memory does not grow with the audit trail."""
    from trialdesk.exchange import odm

    out = io.BytesIO()
    seen_before: list[int] = []
    rows = [odm.AuditEntry(seq=r[0], at=r[1], username=r[2], action=r[3], table=r[4], record_id=r[5],
                           old=odm.decode(r[6]), new=odm.decode(r[7]), reason=r[8], site=r[9])
            for r in store.db.execute(
                "SELECT seq, at, username, action, table_name, record_id, old_values, new_values, reason, site "
                "FROM audit WHERE table_name IN ('participants', 'screenings', 'lab_samples', 'lab_results') "
                "AND action IN ('INSERT','UPDATE','DELETE') ORDER BY seq")]
    assert len(rows) > 20

    def entries():
        for row in rows:
            seen_before.append(out.getvalue().count(b"<SubjectData "))
            yield row

    stats = odm.write_odm(
        out, entries=entries(), study_ids=dict(store.db.execute("SELECT id, study_id FROM participants").fetchall()),
        users=[], locations=[odm.Location("LOC.H", "H", "2026-01-01")], user_names={}, masked_results=set(),
        created_at="2099-01-01T00:00:00Z", file_oid="F", study_name="KTS-11", study_description="d",
        protocol_name="p", mdv_name="m", source_version="v", originator="o", usernames=["nurse"],
        signature_meanings=[])
    assert stats.transactions > 20
    # Before the last row is read, the transactions of all the rows before it that made one are in the output.
    assert seen_before[-1] >= stats.transactions - 1 > 0
    assert seen_before == sorted(seen_before) and seen_before[len(rows) // 2] > 0


def test_csv_written_to_a_folder_row_by_row_is_the_same_files(store, users, trial, tmp_path):
    """The CSV files written to a folder (as the CLI does) are the ones made in memory, each 0600, and the audit
    detail names the same hashes; a folder that already holds them is refused."""
    from tests.conftest import file_mode

    monitor = users[Role.MONITOR]
    in_memory = exports.export_csv(store, monitor)
    written = exports.export_csv(store, monitor, out=tmp_path)
    assert written.files == {} and written.sha256 == in_memory.sha256
    for name, data in in_memory.files.items():
        assert (tmp_path / name).read_bytes() == data, name
        assert os.name == "nt" or file_mode(tmp_path / name) == 0o600
    with pytest.raises(TrialDeskError, match="already exists"):
        exports.export_csv(store, monitor, out=tmp_path)


def test_odm_text_with_markup_characters_reads_back_as_entered(store, users, trial, schema):
    """The transactions are written as text, not through an XML library: what XML marks up (& < > " and line
    breaks, tabs) in a value, a reason or a study id reads back exactly as entered, in a valid document."""
    from datetime import date

    from lxml import etree

    from trialdesk.domain import records
    from trialdesk.services import visits as vs

    nurse = users[Role.NURSE]
    verbatim = 'kløe & "svie" <2 døgn> etter\nandre dose,\tså bedre\r\nigjen'
    reason = 'skrevet feil: "<" & ">" byttet om\nsjekket mot notatet'
    ae = vs.AdverseEventInput(verbatim=verbatim, term="headache", onset_date=date(2026, 6, 10), grade=1,
                              serious=False, causality="possible", action_taken="none", outcome="recovered",
                              end_date=date(2026, 6, 11))
    ae_id = vs.record_adverse_event(store, nurse, trial.pid, ae)
    vs.update_adverse_event(store, nurse, ae_id, vs.AdverseEventInput(**{**ae.__dict__, "verbatim": verbatim + "!"}),
                            reason=reason)
    result = exports.export_odm(store, users[Role.MONITOR])
    schema.validate(result.data.decode("utf-8"))
    root = etree.fromstring(result.data)
    oid = next(f.odm.oid for f in records.record("adverse_events").fields if f.column == "verbatim")
    groups = [g for g in root.iter(f"{{{NS['odm']}}}ItemGroupData") if g.get("ItemGroupRepeatKey") == ae_id]
    values = [i.get("Value") for g in groups for i in g.iter(f"{{{NS['odm']}}}ItemData") if i.get("ItemOID") == oid]
    assert values == [verbatim, verbatim + "!"]
    assert reason in [r.text for r in root.iter(f"{{{NS['odm']}}}ReasonForChange")]


def _entries(store, extra=()):
    from trialdesk.exchange import odm

    rows = [odm.AuditEntry(*r[:6], odm.decode(r[6]), odm.decode(r[7]), *r[8:]) for r in store.db.execute(
        "SELECT seq, at, username, action, table_name, record_id, old_values, new_values, reason, site FROM audit "
        "WHERE action IN ('INSERT','UPDATE','DELETE') ORDER BY seq")]
    return rows + list(extra)


def _write(store, entries, out):
    from trialdesk.exchange import odm

    return odm.write_odm(
        out, entries=entries, study_ids=dict(store.db.execute("SELECT id, study_id FROM participants").fetchall()),
        users=[], locations=[odm.Location("LOC.H", "H", "2026-01-01")], user_names={}, masked_results=set(),
        created_at="2099-01-01T00:00:00Z", file_oid="F", study_name="KTS-11", study_description="d",
        protocol_name="p", mdv_name="m", source_version="v", originator="o",
        usernames=[e.username for e in entries if e.username],
        signature_meanings=[e.new.get("meaning", "") for e in entries if e.table == "signatures"])


@pytest.mark.parametrize("bad", ["\x01", "\x1f", "\ufffe", "\uffff", "\ud800"])
def test_odm_refuses_a_character_xml_cannot_carry(store, users, trial, bad):
    """A value XML 1.0 cannot hold at all (a control character, U+FFFE/U+FFFF, a lone surrogate) stops the
    export with a one-line message naming the audit row, never a file that no reader can open."""
    from trialdesk.exchange import odm

    entries = _entries(store)
    last = entries[-1].seq
    cursor = store.db.execute("SELECT * FROM adverse_events")
    old = dict(zip([d[0] for d in cursor.description], cursor.fetchone()))
    ae = [old["id"]]
    broken = odm.AuditEntry(last + 1, "2026-06-12T10:00:00.000000Z", "nurse", "UPDATE", "adverse_events", ae[0],
                            old, {**old, "verbatim": f"kløe{bad}svie"}, "r", "H")
    clean = io.BytesIO()
    stats = _write(store, entries, clean)
    assert stats.transactions > 20
    etree_ok = ET.fromstring(clean.getvalue())  # what comes before it is a sound document
    assert etree_ok.tag.endswith("ODM")
    with pytest.raises(TrialDeskError, match=f"Audit row {last + 1} holds a control character"):
        _write(store, [*entries, broken], io.BytesIO())


def test_adminData_user_names_read_through_the_indexes_are_the_trails(store, users, trial):
    """The user names and signature facts AdminData lists before the first transaction, read through the indexes,
    are those of a plain scan of the trail, for any cut-off time (a user with no clinical change is not named)."""
    from trialdesk.db import exports as repo
    from trialdesk.exchange import odm

    tables = tuple(odm.TARGETS) + ("signatures",)
    marks = ", ".join("?" for _ in tables)
    stamps = [r[0] for r in store.db.execute("SELECT at FROM audit ORDER BY seq")]
    cuts = [stamps[len(stamps) * k // 4] for k in range(4)] + ["2099-01-01T00:00:00.000000Z"]
    named = []
    for before in cuts:
        plain = {r[0] for r in store.db.execute(
            f"SELECT username FROM audit WHERE table_name IN ({marks}) AND action IN ('INSERT','UPDATE','DELETE') "
            "AND at < ?", [*tables, before]) if r[0]}
        sigs = [json.loads(r[1] or "{}") | {"_action": r[0]} for r in store.db.execute(
            "SELECT action, new_values FROM audit WHERE table_name = 'signatures' "
            "AND action IN ('INSERT','UPDATE','DELETE') AND at < ?", [before])]
        names, signers, meanings = repo.data_change_names(store.db, tables, before)
        assert names == plain, before
        assert signers == {s["username"] for s in sigs if s.get("username")}
        assert meanings == {s.get("meaning", "") for s in sigs if s["_action"] == "INSERT"}
        named.append(names)
    assert named[0] < named[-1] and "admin" not in named[-1]
    # Only clinical tables count: the administrator made users (audited), never clinical data.
    assert store.db.execute("SELECT count(*) FROM audit WHERE username = 'admin' AND action = 'INSERT'").fetchone()[0]
