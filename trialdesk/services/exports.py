"""Export use cases (issue 6): CDISC ODM 1.3.2 with the audit trail, and CSV per SDTM-style domain.

Exports need Action.EXPORT (monitor or investigator) and are audited ("EXPORT", sha256 of the
output, counts; never values). They carry study ids only: the identities table is never read. For
a blinded user, lab values masked after the first dose are left out (counted in the audit detail),
exactly as on screen and on paper. Nothing is written to disk here: the caller writes the bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from trialdesk import __version__
from trialdesk.clock import utc_now
from trialdesk.db import exports as repo
from trialdesk.db import screening as screening_repo
from trialdesk.db import users as users_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.db.visits import SAE_CRITERIA
from trialdesk.domain import blinding, records
from trialdesk.domain.people import User
from trialdesk.exchange import csv_export, odm
from trialdesk.services import auth
from trialdesk.services import screening as screening_service
from trialdesk.services.permissions import Action, require

__all__ = ["CsvExport", "OdmExport", "export_csv", "export_odm", "masked_result_ids"]


@dataclass(frozen=True)
class OdmExport:
    data: bytes
    sha256: str
    subjects: int
    transactions: int
    signatures: int
    masked_values: int


@dataclass(frozen=True)
class CsvExport:
    """File name -> CSV bytes (``dm.csv`` …) and the sha256 of each."""

    files: dict[str, bytes]
    sha256: dict[str, str]


def masked_result_ids(store: Store, user: User) -> set[str]:
    """Lab results this user may not see: masked analytes sampled at or after the first dose (blinded users)."""
    if not blinding.is_blinded(user):
        return set()
    proto = screening_service.protocol()
    starts = visits_repo.administration_starts_by_participant(store.db)
    firsts = {pid: blinding.first_dose_at(times) for pid, times in starts.items()}
    return {r.result_id for r in visits_repo.all_result_masking(store.db)
            if blinding.result_masked(proto, user, r.analyte, r.sampled_at, firsts.get(r.participant_id))}


def _audit(store: Store, user: User, fmt: str, sha: str, detail: dict) -> None:
    store.log_event("EXPORT", auth.actor(user), detail={"format": fmt, "sha256": sha, **detail})


def export_odm(store: Store, user: User, *, now: datetime | None = None) -> OdmExport:
    """All clinical data as an archival, transactional ODM 1.3.2 file (audit records, signatures,
    users and locations; study ids only)."""
    require(user, Action.EXPORT)
    db = store.db
    proto = screening_service.protocol()
    now = now or utc_now()
    created = now.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"
    tables = tuple(odm.TARGETS) + ("signatures",)
    entries = [
        odm.AuditEntry(seq=r.seq, at=r.at, username=r.username, action=r.action, table=r.table,
                       record_id=r.record_id, old=odm.decode(r.old_values), new=odm.decode(r.new_values),
                       reason=r.reason, site=r.site)
        for r in repo.data_changes(db, tables, created)]
    study_ids = repo.study_ids(db)
    accounts = users_repo.all_users(db)
    user_types = {"investigator": "Investigator", "nurse": "Investigator", "monitor": "Sponsor",
                  "administrator": "Other"}
    users = [odm.User(odm.user_oid(u.username), u.username, u.full_name, user_types.get(u.role.value, "Other"))
             for u in accounts]
    created_day = (store.meta("created_at") or created)[:10]
    sites = {store.info.site_code: store.meta("site_name") or store.info.site_code}
    for site in repo.participant_sites(db):
        sites.setdefault(site, f"Site {site}")
    locations = [odm.Location(odm.location_oid(code), name, created_day) for code, name in sorted(sites.items())]
    data, stats = odm.build_odm(
        entries=entries, study_ids=study_ids, users=users, locations=locations,
        user_names={u.id: u.username for u in accounts}, masked_results=masked_result_ids(store, user),
        created_at=created, file_oid=f"TRIALDESK.{store.info.store_id}.{now:%Y%m%dT%H%M%S}Z",
        study_name=proto.study_code, study_description=proto.title_en, protocol_name=f"{proto.study_code} {proto.version}",
        mdv_name=f"Protocol {proto.version}, TrialDesk {__version__}", source_version=__version__,
        originator=store.meta("site_name") or "TrialDesk")
    sha = hashlib.sha256(data).hexdigest()
    _audit(store, user, "odm-1.3.2", sha, {"bytes": len(data), "subjects": len(stats.subjects),
                                           "transactions": stats.transactions, "signatures": stats.signatures,
                                           "masked_values": stats.masked_values})
    return OdmExport(data, sha, len(stats.subjects), stats.transactions, stats.signatures, stats.masked_values)


# --- CSV -----------------------------------------------------------------------------------------------

def _age(birth: str | None, on: str | None) -> int | None:
    if not birth or not on:
        return None
    b, d = date.fromisoformat(birth), date.fromisoformat(on[:10])
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def _yn(value) -> str | None:
    return None if value is None else ("Y" if value else "N")


def _sdtm(table: str, row: dict, convert: dict | None = None, *, hidden: bool = False) -> dict:
    """The row's columns that the record registry names a CSV variable for, under that name: a column's
    ``derived`` variables (its code mapped) where it declares them, else its ``sdtm`` (``convert`` per column;
    None stays None). ``hidden``: the registry's masked columns are left empty (a blinded user's masked result)."""
    convert = convert or {}
    out = {}
    for f in records.record(table).fields:
        value = None if hidden and f.masked else row.get(f.column)
        if f.derived:
            for d in f.derived:
                out[d.variable] = None if value is None else d.values[value]
        elif f.sdtm:
            fn = convert.get(f.column)
            out[f.sdtm] = fn(value) if fn is not None and value is not None else value
    return out


_V = records.sdtm  # the registry's variable of one column: _V("lab_results", "entered_value") -> "LBORRES"


def export_csv(store: Store, user: User) -> CsvExport:
    """DM, IE, LB, EC and AE as long CSV tables (study ids only; masked values left out for blinded users)."""
    require(user, Action.EXPORT)
    db = store.db
    proto = screening_service.protocol()
    study = proto.study_code
    participants = repo.participants(db)
    by_id = {p["id"]: p for p in participants}
    first_consent = repo.first_consent_days(db)
    doses = repo.doses(db)
    given = {}
    for d in doses:
        if d["started_at"]:
            given.setdefault(d["participant_id"], []).append(d["started_at"])
    dm = []
    for p in participants:
        times = sorted(given.get(p["id"], []))
        consent_day = first_consent.get(p["id"])
        dm.append({"STUDYID": study, "DOMAIN": "DM", "USUBJID": p["study_id"], "SUBJID": p["study_id"],
                   "SITEID": p["site"], "SEX": p["sex"], "AGE": _age(p["birth_date"], consent_day or p["created_at"]),
                   "AGEU": "YEARS", "RFICDTC": consent_day, "RFSTDTC": times[0] if times else None,
                   "RFENDTC": times[-1] if times else None, "DMDTC": p["inclusion_date"], "COUNTRY": "NOR",
                   "ENRLSTAT": p["status"].upper()})
    ie = []
    for p in participants:
        if screening_repo.screening_id(db, p["id"]) is None:
            continue
        result = screening_service.evaluate(store, p["id"])
        for seq, r in enumerate(result.results, start=1):
            criterion = proto.criterion(r.id)
            statement = {"met": criterion.category == "inclusion", "failed": criterion.category != "inclusion"}
            orres = None
            if r.status in statement:
                orres = "Y" if statement[r.status] else "N"
            ie.append({"STUDYID": study, "DOMAIN": "IE", "USUBJID": p["study_id"], "IESEQ": seq,
                       "IETESTCD": r.id, "IETEST": criterion.text_en, "IECAT": criterion.category.upper(),
                       "IEORRES": orres, "IESTRESC": r.status.upper(),
                       "IESTAT": "NOT DONE" if r.status == "missing" else None, "IEEXPL": r.explanation.text(),
                       "IEDTC": result.screening_date.isoformat(), "IEVERD": result.verdict.upper(),
                       "IEPROTV": result.protocol_version})
    masked = masked_result_ids(store, user)
    lb = []
    seqs: dict[str, int] = {}
    lab_convert = {"entered_value": lambda v: v.replace(",", "."), "context": lambda c: c.upper().replace("_", "-")}
    for r in repo.lab_results(db):
        p = by_id[r["participant_id"]]
        seqs[p["id"]] = seqs.get(p["id"], 0) + 1
        lab = proto.lab(r["analyte"])
        hidden = r["id"] in masked
        row = {"STUDYID": study, "DOMAIN": "LB", "USUBJID": p["study_id"], "LBSEQ": seqs[p["id"]],
               **_sdtm("lab_results", r, lab_convert, hidden=hidden), **_sdtm("lab_samples", r, lab_convert),
               **_sdtm("dose_visits", r),
               "LBTEST": lab.name_en, "LBCAT": "HEMATOLOGY/CHEMISTRY", "LBSTAT": None,
               "LBREASND": "MASKED FOR BLINDED USER" if hidden else None}
        if not hidden and r["flag"] is None:
            row[_V("lab_results", "flag")] = "NORMAL"  # the registry's derivation of LBNRIND says so
        lb.append(row)
    # Screening labs (NK, IgG) from the screening form: the same LB variables; LBREFID is the screening's id
    # (the registry's note on lab_results.sample_id).
    for s in repo.screenings(db):
        p = by_id[s["participant_id"]]
        for analyte, text, unit, value in (("NK", s["nk_value_text"], s["nk_unit"], s["nk_value"]),
                                           ("IGG", s["igg_value_text"], s["igg_unit"], s["igg_value"])):
            if not text:
                continue
            seqs[p["id"]] = seqs.get(p["id"], 0) + 1
            lab = proto.lab(analyte)
            lb.append({"STUDYID": study, "DOMAIN": "LB", "USUBJID": p["study_id"], "LBSEQ": seqs[p["id"]],
                       _V("lab_results", "sample_id"): s["id"], _V("lab_results", "analyte"): analyte,
                       "LBTEST": lab.name_en, "LBCAT": "SCREENING",
                       _V("lab_results", "entered_value"): text.replace(",", "."),
                       _V("lab_results", "entered_unit"): unit, _V("lab_results", "value"): value,
                       _V("lab_results", "unit"): lab.unit, _V("lab_samples", "sampled_at"): s["screening_date"],
                       _V("lab_samples", "context"): "SCREENING", _V("dose_visits", "dose_code"): "SCREENING"})
    ec = []
    seqs = {}
    for d in doses:
        p = by_id[d["participant_id"]]
        if d["state"] == "open":
            continue
        seqs[p["id"]] = seqs.get(p["id"], 0) + 1
        row = {"STUDYID": study, "DOMAIN": "EC", "USUBJID": p["study_id"], "ECSEQ": seqs[p["id"]],
               "ECTRT": "MASKED", "ECMOOD": "PERFORMED", "ECOCCUR": "Y" if d["state"] == "given" else "N",
               "ECROUTE": "SUBCUTANEOUS" if d["started_at"] else None,
               **_sdtm("administrations", d), **_sdtm("dose_visits", d)}
        # A dose not given has no administration: its day is the visit's.
        row[_V("administrations", "started_at")] = d["started_at"] or d["visit_date"]
        ec.append(row)
    ae = []
    seqs = {}
    visit_codes = repo.dose_visit_codes(db)
    for a in repo.adverse_events(db):
        p = by_id[a["participant_id"]]
        seqs[p["id"]] = seqs.get(p["id"], 0) + 1
        try:
            decod = proto.ae_term(a["term"]).term_en
        except KeyError:
            decod = a["term"]
        convert = {**{c: _yn for c in ("serious", *SAE_CRITERIA)}, "causality": str.upper,
                   "action_taken": str.upper, "outcome": str.upper, "term": lambda _key: decod}
        ae.append({"STUDYID": study, "DOMAIN": "AE", "USUBJID": p["study_id"], "AESEQ": seqs[p["id"]],
                   **_sdtm("adverse_events", a, convert),
                   "AEONGO": "N" if a["end_date"] else "Y", "AEVISIT": visit_codes.get(a["reported_visit_id"])})
    files = {csv_export.file_name(name): csv_export.to_csv(name, rows)
             for name, rows in (("DM", dm), ("IE", ie), ("LB", lb), ("EC", ec), ("AE", ae))}
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    combined = hashlib.sha256("".join(f"{n}:{h}\n" for n, h in sorted(hashes.items())).encode()).hexdigest()
    _audit(store, user, "csv", combined, {"files": hashes, "masked_values": sum(1 for r in lb if r.get("LBREASND"))})
    return CsvExport(files, hashes)

