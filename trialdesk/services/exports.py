"""Export use cases (issue 6): CDISC ODM 1.3.2 with the audit trail, and CSV per SDTM-style domain.

Exports need Action.EXPORT (monitor or investigator) and are audited ("EXPORT", sha256 of the
output, counts; never values). They carry study ids only: the identities table is never read. For
a blinded user, lab values masked after the first dose are left out (counted in the audit detail),
exactly as on screen and on paper. The ODM file is made in memory for the caller to write, or (with ``out``)
written to a new owner-only file as it is made; CSV files are written the same way (issue 15, point 4).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, is_dataclass, replace
from datetime import date, datetime
from pathlib import Path

from trialdesk import __version__
from trialdesk.clock import utc_now
from trialdesk.db import exports as repo
from trialdesk.db import users as users_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain import blinding, records
from trialdesk.domain.labs import reference_flag
from trialdesk.domain.people import User
from trialdesk.exchange import csv_export, odm, sdtm
from trialdesk.services import auth
from trialdesk.services import files as files_module
from trialdesk.services import screening as screening_service
from trialdesk.services.permissions import Action, require

__all__ = ["CsvExport", "OdmExport", "export_csv", "export_odm", "masked_result_ids"]


@dataclass(frozen=True)
class OdmExport:
    """The ODM file: ``data`` when made in memory, else written to ``path`` as it was made."""

    data: bytes | None
    sha256: str
    subjects: int
    transactions: int
    signatures: int
    masked_values: int
    path: Path | None = None
    size: int = 0


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
    # The user as stored now, read once (not once per result: 100,000 reads at 5,000 participants).
    stored = getattr(user, "stored", None)
    viewer = stored() if callable(stored) else user
    if is_dataclass(viewer) and hasattr(viewer, "source"):
        viewer = replace(viewer, source=None)  # a snapshot: it does not read the store again
    # Only a masked analyte of a participant given a first dose can be masked: the rule is asked about those only.
    return {r.result_id for r in visits_repo.all_result_masking(store.db, proto.masked_analytes)
            if firsts.get(r.participant_id) is not None
            and blinding.result_masked(proto, viewer, r.analyte, r.sampled_at, firsts[r.participant_id])}


def _audit(store: Store, user: User, fmt: str, sha: str, detail: dict) -> None:
    store.log_event("EXPORT", auth.actor(user), detail={"format": fmt, "sha256": sha, **detail})


def export_odm(store: Store, user: User, *, now: datetime | None = None, out: Path | None = None) -> OdmExport:
    """All clinical data as an archival, transactional ODM 1.3.2 file (audit records, signatures,
    users and locations; study ids only).

    With ``out`` the file is written there (a new file its owner only may read; one-line message when it exists or
    cannot be written, nothing left behind) as it is made: audit rows are read from the cursor one at a time and
    each transaction is written before the next is read (issue 15, point 4). Without, it is made in memory."""
    require(user, Action.EXPORT)
    db = store.db
    proto = screening_service.protocol()
    now = now or utc_now()
    created = now.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"
    tables = tuple(odm.TARGETS) + ("signatures",)
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
    names, signers, meanings = repo.data_change_names(db, tables, created)
    # The audit rows' own user names first, as they appear, then the signers': the order AdminData lists them in.
    usernames = sorted(names) + sorted(signers - names)
    decode = odm.decode
    entries = (odm.AuditEntry(r.seq, r.at, r.username, r.action, r.table, r.record_id, decode(r.old_values),
                              decode(r.new_values), r.reason, r.site)
               for r in repo.iter_data_changes(db, tables, created))
    facts = {
        "entries": entries, "study_ids": study_ids, "users": users, "locations": locations,
        "user_names": {u.id: u.username for u in accounts}, "masked_results": masked_result_ids(store, user),
        "created_at": created, "file_oid": f"TRIALDESK.{store.info.store_id}.{now:%Y%m%dT%H%M%S}Z",
        "study_name": proto.study_code, "study_description": proto.title_en,
        "protocol_name": f"{proto.study_code} {proto.version}",
        "mdv_name": f"Protocol {proto.version}, TrialDesk {__version__}", "source_version": __version__,
        "originator": store.meta("site_name") or "TrialDesk", "usernames": usernames, "signature_meanings": meanings}
    if out is None:
        buffer = io.BytesIO()
        stats = odm.write_odm(buffer, **facts)
        data = buffer.getvalue()
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
    else:
        data = None
        with files_module.open_new(Path(out)) as handle:
            hashing = _Hashing(handle)
            stats = odm.write_odm(hashing, **facts)
        sha, size = hashing.sha256.hexdigest(), hashing.size
    _audit(store, user, "odm-1.3.2", sha, {"bytes": size, "subjects": len(stats.subjects),
                                           "transactions": stats.transactions, "signatures": stats.signatures,
                                           "masked_values": stats.masked_values})
    return OdmExport(data, sha, len(stats.subjects), stats.transactions, stats.signatures, stats.masked_values,
                     Path(out) if out is not None else None, size)


class _Hashing:
    """A binary file that also hashes and counts what is written to it."""

    def __init__(self, handle):
        self.handle = handle
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self.handle.write(data)


# --- CSV -----------------------------------------------------------------------------------------------

def _age(birth: str | None, on: str | date | None) -> int | None:
    if not birth or not on:
        return None
    b = date.fromisoformat(birth)
    d = on if isinstance(on, date) else date.fromisoformat(on[:10])
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def _yn(value) -> str | None:
    return None if value is None else ("Y" if value else "N")


def _sdtm(table: str, row: dict, domain: str, convert: dict | None = None, *, hidden: bool = False) -> dict:
    """The row's columns that the record registry names a CSV variable for in ``domain``, under that name
    (``records.csv_fields``): a derived variable maps the stored code to its controlled term (or carries the
    value itself); a plain one carries the value, a yes/no column as Y/N (NY) and a UTC moment as the Oslo
    ISO 8601 date/time (``sdtm.local_dtc``); ``convert`` per column comes first. None stays None. ``hidden``:
    the registry's masked columns are left empty (a blinded user's masked result)."""
    convert = convert or {}
    out = {}
    fields = _CSV_FIELDS.get((table, domain))
    if fields is None:  # the registry's fields of (table, domain), with what each needs, looked up once
        fields = _CSV_FIELDS[(table, domain)] = tuple(
            (f.column, variable, f.masked, derived.values if derived is not None else None, f.kind)
            for f, variable, derived in records.csv_fields(table, domain))
    for column, variable, masked, values, kind in fields:
        raw = None if hidden and masked else row.get(column)
        if values is not None:
            # A code the registry does not know (a store older than its codes) goes out as stored, never lost.
            out[variable] = None if raw is None else values.get(raw, raw)
            continue
        value = raw
        if value is not None:
            if column in convert:
                value = convert[column](value)
            elif kind is records.Kind.MOMENT:
                value = sdtm.local_dtc(value)
            elif kind is records.Kind.BOOL:
                value = _yn(value)
        out[variable] = value
    return out


_CSV_FIELDS: dict[tuple[str, str], tuple] = {}  # (table, domain) -> (column, variable, masked, codes, kind) …


_V = records.sdtm  # the registry's variable of one column: _V("lab_results", "entered_value") -> "LBORRES"


class _Seq:
    """--SEQ per participant."""

    def __init__(self):
        self.n: dict[str, int] = {}

    def __call__(self, pid: str) -> int:
        self.n[pid] = self.n.get(pid, 0) + 1
        return self.n[pid]


def _timelines(participants: list[dict], dispositions: list[dict], doses: list[dict]) -> dict[str, sdtm.Timeline]:
    """Each participant's epoch boundaries: inclusion, first dose (the disposition event, else the first
    administration's Oslo day), end of treatment (last dose given or study drug discontinued), end of study."""
    firsts: dict[str, date] = {}
    for d in doses:
        day = sdtm.local_day(d["started_at"])
        if day and (d["participant_id"] not in firsts or day < firsts[d["participant_id"]]):
            firsts[d["participant_id"]] = day
    events: dict[str, dict[str, date]] = {}
    for e in dispositions:
        day = date.fromisoformat(e["event_date"])
        mine = events.setdefault(e["participant_id"], {})
        key = "treatment_end" if e["event"] in ("treatment_complete", "study_drug_discontinued") else e["event"]
        mine[key] = min(day, mine.get(key, day))
    out = {}
    for p in participants:
        mine = events.get(p["id"], {})
        first = [x for x in (mine.get("first_dose"), firsts.get(p["id"])) if x]
        out[p["id"]] = sdtm.Timeline(
            inclusion=date.fromisoformat(p["inclusion_date"]) if p.get("inclusion_date") else None,
            first_dose=min(first) if first else None, treatment_end=mine.get("treatment_end"),
            study_end=mine.get("completed"))
    return out


def export_csv(store: Store, user: User, *, out: Path | None = None) -> CsvExport:
    """DM, IE, LB, EC, AE, CM, DS and SV as long CSV tables in CDISC terminology, and a readme (study ids only;
    masked values left out for blinded users).

    With ``out`` (a folder) each file is written there (new, its owner's only) row by row as the rows are read from
    the store (issue 15, point 4), and ``files`` stays empty; without, the files are made in memory."""
    require(user, Action.EXPORT)
    db = store.db
    proto = screening_service.protocol()
    study = proto.study_code
    visitnum = sdtm.visit_numbers(proto)

    def number(code: str | None) -> int | None:
        return visitnum[code].number if code in visitnum else None

    participants = repo.participants(db)
    by_id = {p["id"]: p for p in participants}
    first_consent = repo.first_consent_days(db)
    doses = repo.doses(db)
    dispositions = repo.dispositions(db)
    timelines = _timelines(participants, dispositions, doses)
    not_given = repo.dose_not_given_reasons(db)
    screenings = repo.screenings(db)  # read once: IE, LB (screening labs) and SV use them
    screened = {s["participant_id"] for s in screenings}
    given = {}
    for d in doses:
        if d["started_at"]:
            given.setdefault(d["participant_id"], []).append(d["started_at"])

    def head(domain: str, p: dict) -> dict:
        return {"STUDYID": study, "DOMAIN": domain, "USUBJID": p["study_id"]}

    def dm():
        for p in participants:
            times = sorted(given.get(p["id"], []))
            consent_day = first_consent.get(p["id"])
            yield ({**head("DM", p), "SUBJID": p["study_id"], "SITEID": p["site"], "SEX": p["sex"],
                       "AGE": _age(p["birth_date"], consent_day or p["created_at"]), "AGEU": "YEARS",
                       "RFICDTC": consent_day, "RFSTDTC": sdtm.local_dtc(times[0]) if times else None,
                       "RFENDTC": sdtm.local_dtc(times[-1]) if times else None, "DMDTC": p["inclusion_date"],
                       "COUNTRY": "NOR", "ENRLSTAT": p["status"].upper()})

    def ie():
        for p in participants:
            if p["id"] not in screened:
                continue
            result = screening_service.evaluate(store, p["id"])
            for seq, r in enumerate(result.results, start=1):
                criterion = proto.criterion(r.id)
                # IEORRES answers the criterion's statement (NY): an inclusion criterion met is Y, an exclusion
                # criterion met (the candidate is not excluded) is N.
                statement = {"met": criterion.category == "inclusion", "failed": criterion.category != "inclusion"}
                orres = _yn(statement[r.status]) if r.status in statement else None
                yield ({**head("IE", p), "IESEQ": seq, "IETESTCD": r.id, "IETEST": criterion.text_en,
                           "IECAT": criterion.category.upper(), "IEORRES": orres, "IESTRESC": orres,
                           "IESTAT": "NOT DONE" if r.status == "missing" else None, "IEEXPL": r.explanation.text(),
                           "IEDTC": result.screening_date.isoformat(), "IEVERD": result.verdict.upper(),
                           "IEPROTV": result.protocol_version})
    masked = masked_result_ids(store, user)
    masked_count = [0]
    lab_convert = {"entered_value": lambda v: v.replace(",", ".")}

    known_ranges: dict[tuple, tuple] = {}  # (analyte, unit, sex, age) -> (original, standard): the same few

    def ranges(row: dict, p: dict, analyte: str, entered_unit: str | None, day) -> None:
        age = _age(p["birth_date"], day)
        key = (analyte, entered_unit, p["sex"], age)
        both = known_ranges.get(key)
        if both is None:
            both = known_ranges[key] = (sdtm.original_range(proto, analyte, entered_unit, p["sex"], age),
                                        sdtm.standard_range(proto, analyte, p["sex"], age))
        original, standard = both
        row["LBORNRLO"], row["LBORNRHI"] = original or (None, None)
        row["LBSTNRLO"], row["LBSTNRHI"] = standard or (None, None)
        standard_value = row[_V("lab_results", "value")]
        row["LBSTRESC"] = sdtm.number_text(standard_value)
        nrind = _V("lab_results", "flag")
        if standard is not None and standard_value is not None and row[nrind] is None:
            row[nrind] = "NORMAL"  # the registry's derivation of LBNRIND says so

    def lb():
        seq = _Seq()
        for r in repo.iter_lab_results(db):
            p = by_id[r["participant_id"]]
            hidden = r["id"] in masked
            masked_count[0] += hidden
            visit = r["dose_code"] or r["contact_code"]
            row = {**head("LB", p), "LBSEQ": seq(p["id"]),
                   **_sdtm("lab_results", r, "LB", lab_convert, hidden=hidden), **_sdtm("lab_samples", r, "LB"),
                   **_sdtm("dose_visits", {"dose_code": visit}, "LB"), "VISITNUM": number(visit),
                   "LBCAT": "HEMATOLOGY/CHEMISTRY", "LBSTAT": None,
                   "LBREASND": "MASKED FOR BLINDED USER" if hidden else None}
            ranges(row, p, r["analyte"], r["entered_unit"], sdtm.local_day(r["sampled_at"]))
            yield row
        # Screening labs (NK, IgG) from the screening form: the same LB variables; LBREFID is the screening's id
        # (the registry's note on lab_results.sample_id); never masked (before any dose).
        for s in screenings:
            p = by_id[s["participant_id"]]
            for analyte, text, unit, value in (("NK", s["nk_value_text"], s["nk_unit"], s["nk_value"]),
                                               ("IGG", s["igg_value_text"], s["igg_unit"], s["igg_value"])):
                if not text:
                    continue
                lab = proto.lab(analyte)
                flag = None
                if value is not None:
                    flag, _ = reference_flag(proto, analyte, value, p["sex"],
                                             _age(p["birth_date"], s["screening_date"]))
                result = {"sample_id": s["id"], "analyte": analyte, "entered_value": text, "entered_unit": unit,
                          "value": value, "unit": lab.unit, "flag": flag}
                row = {**head("LB", p), "LBSEQ": seq(p["id"]), **_sdtm("lab_results", result, "LB", lab_convert),
                       **_sdtm("lab_samples", {}, "LB"), **_sdtm("dose_visits", {"dose_code": sdtm.SCREENING}, "LB"),
                       "VISITNUM": number(sdtm.SCREENING), "LBCAT": "SCREENING"}
                row[_V("lab_samples", "sampled_at")] = s["screening_date"]
                ranges(row, p, analyte, unit, s["screening_date"])
                yield row

    def ec():
        seq = _Seq()
        for d in doses:
            p = by_id[d["participant_id"]]
            if d["state"] == "open":
                continue
            row = {**head("EC", p), "ECSEQ": seq(p["id"]), "ECTRT": "MASKED", "ECMOOD": "PERFORMED",
                   "ECROUTE": "SUBCUTANEOUS" if d["started_at"] else None,
                   **_sdtm("administrations", d, "EC"), **_sdtm("dose_visits", d, "EC"),
                   "VISITNUM": number(d["dose_code"]),
                   "ECREASOC": None if d["started_at"] else not_given.get(d["visit_id"])}
            # A dose not given has no administration: its day is the visit's (an Oslo date).
            row[_V("administrations", "started_at")] = row[_V("administrations", "started_at")] or d["visit_date"]
            yield row

    def ae():
        seq = _Seq()
        visit_codes = {**repo.dose_visit_codes(db), **repo.contact_codes(db)}
        for a in repo.adverse_events(db):
            p = by_id[a["participant_id"]]
            try:
                decod = proto.ae_term(a["term"]).term_en
            except KeyError:
                decod = a["term"]
            yield ({**head("AE", p), "AESEQ": seq(p["id"]),
                       **_sdtm("adverse_events", a, "AE", {"term": lambda _key, decod=decod: decod}),
                       "AEONGO": "N" if a["end_date"] else "Y",
                       "AEVISIT": visit_codes.get(a["reported_visit_id"]) or visit_codes.get(a["reported_contact_id"])})
    def cm():
        seq = _Seq()
        for m in repo.concomitant_medications(db):
            p = by_id[m["participant_id"]]
            yield ({**head("CM", p), "CMSEQ": seq(p["id"]), **_sdtm("concomitant_medications", m, "CM"),
                       "CMCAT": "CONCOMITANT MEDICATION"})
        premeds = {m.code: m.label_en for m in proto.pre_dose.premedication}
        for m in repo.premedications(db):
            p = by_id[m["participant_id"]]
            yield ({**head("CM", p), "CMSEQ": seq(p["id"]),
                       **_sdtm("premedications", m, "CM", {"drug": lambda code: premeds.get(code, code)}),
                       "CMCAT": "PREMEDICATION"})
    def ds():
        seq = _Seq()
        for e in dispositions:
            p = by_id[e["participant_id"]]
            row = {**head("DS", p), "DSSEQ": seq(p["id"]), **_sdtm("dispositions", e, "DS"),
                   "EPOCH": sdtm.epoch(timelines[p["id"]], e["event_date"])}
            decod, term = _V("dispositions", "event"), _V("dispositions", "reason")
            if e["event"] == "study_drug_discontinued" and e["adverse_event_id"]:
                row[decod] = records.DISCONTINUED_FOR_AE
            if row[decod] == records.COMPLETED:
                row[term] = records.COMPLETED  # SDTMIG DS assumption 3b: DSTERM is COMPLETED
            yield row

    def sv():  # sorted by participant and visit: made whole, then written (one row per visit held)
        sv = []
        visit_var, reason_var = _V("contacts", "visit_code"), _V("contacts", "missed_reason")
        occur_var = next(v for f, v, _ in records.csv_fields("contacts", "SV") if f.column == "state")
        visits = []  # (participant, day, SV row)
        # The screening visit is held in person on the screening date (as a consultation done).
        for s in screenings:
            visits.append((s["participant_id"], s["screening_date"], _sdtm("contacts", {
                "visit_code": sdtm.SCREENING, "kind": "consultation", "contact_date": s["screening_date"],
                "state": "done"}, "SV")))
        for d in repo.dose_visits(db):
            row = {**_sdtm("contacts", {"kind": "dose"}, "SV"), **_sdtm("dose_visits", d, "SV")}
            if d["state"] in ("missed", "not_given"):
                row[reason_var] = not_given.get(d["id"])
            visits.append((d["participant_id"], d["visit_date"], row))
        for c in repo.contacts(db):
            row = _sdtm("contacts", c, "SV")
            if c["state"] in ("missed", "not_reached") and not row[reason_var]:
                row[reason_var] = records.CONTACT_STATE[c["state"]]
            visits.append((c["participant_id"], c["contact_date"], row))
        for pid, day, row in visits:
            if row[occur_var] is None:
                continue  # a visit still open is not in SV yet
            code = row[visit_var]
            sv.append({**head("SV", by_id[pid]), **row, "VISITNUM": number(code),
                       "SVPRESP": "Y" if code in visitnum else None, "SVENDTC": day,
                       "EPOCH": sdtm.epoch(timelines[pid], day)})
        sv.sort(key=lambda r: (r["USUBJID"], r["VISITNUM"] or 0, r["SVENDTC"] or ""))
        return sv

    tables = {"DM": dm, "IE": ie, "LB": lb, "EC": ec, "AE": ae, "CM": cm, "DS": ds, "SV": sv}
    files: dict[str, bytes] = {}
    hashes: dict[str, str] = {}
    if out is None:
        for name, rows in tables.items():
            files[csv_export.file_name(name)] = csv_export.to_csv(name, rows())
        files["readme.txt"] = csv_export.readme(study, proto.version, list(visitnum.values()), tables)
        hashes = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    else:
        folder = Path(out)
        for name, rows in tables.items():
            with files_module.open_new(folder / csv_export.file_name(name)) as handle:
                hashing = _Hashing(handle)
                csv_export.write_csv(hashing, name, rows())
            hashes[csv_export.file_name(name)] = hashing.sha256.hexdigest()
        readme = csv_export.readme(study, proto.version, list(visitnum.values()), tables)
        files_module.save_new(folder / "readme.txt", readme)
        hashes["readme.txt"] = hashlib.sha256(readme).hexdigest()
    combined = hashlib.sha256("".join(f"{n}:{h}\n" for n, h in sorted(hashes.items())).encode()).hexdigest()
    _audit(store, user, "csv", combined, {"files": hashes, "masked_values": masked_count[0]})
    return CsvExport(files, hashes)
