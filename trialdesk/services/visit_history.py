"""Read-only views the injection-visit screens need beyond services.visits: saved lab results with their
ids and correction history (masked for blinded roles), an AE's change history, the blood-bank dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from trialdesk.db import participants as participants_repo
from trialdesk.db import visits as repo
from trialdesk.db.connection import Store
from trialdesk.domain import records
from trialdesk.domain.adverse_events import SAE_CRITERIA
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.services import audit_reader
from trialdesk.services import visits as vs
from trialdesk.services.permissions import Action, require

# The masked word in English (what the reader shows blinded roles in place of a masked value).
MASKED = records.MASKED


@dataclass(frozen=True)
class Change:
    """One correction of a saved record, as the audit reader words it: ``at`` (Oslo time with offset), the
    user name, ``old`` → ``new`` as text in the reader's language, the reason; ``label`` names the field for
    people, ``field`` is the key a screen finds the field's widget by (the column, or a premedication's drug)."""

    when: datetime
    at: str
    username: str
    old: str
    new: str
    reason: str
    field: str = ""
    label: str = ""


@dataclass(frozen=True)
class LabResultRecord:
    """A saved result as this user may see it (``view``), its id for corrections, and its corrections.

    ``dose_code`` is the dose visit the sample belongs to (None for samples outside a dose visit);
    ``read_back`` tells whether the value was read back from the lab report when entered.
    """

    id: str
    dose_code: str | None
    read_back: bool
    view: vs.LabView
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _change(line: audit_reader.Line, *, old: str | None = None, new: str | None = None, field: str | None = None,
            label: str | None = None) -> Change:
    return Change(line.when, line.at, line.username, line.old if old is None else old,
                  line.new if new is None else new, line.reason,
                  field=(line.column.column if line.column else "") if field is None else field,
                  label=line.field if label is None else label)


def _lab_changes(lines: list[audit_reader.Line]) -> list[Change]:
    """A result's corrections as one change each: "240 ×10^9/L" → "204 ×10^9/L" (value and unit as entered;
    the masked word alone where the value is masked for this reader)."""
    out: list[Change] = []
    current = {"entered_value": "", "entered_unit": ""}
    by_seq: dict[int, list[audit_reader.Line]] = {}
    for line in lines:
        by_seq.setdefault(line.seq, []).append(line)
    for seq in sorted(by_seq):
        fields = {ln.column.column: ln for ln in by_seq[seq] if ln.column is not None and ln.column.column in current}
        if not fields or by_seq[seq][0].operation not in ("INSERT", "UPDATE"):
            continue
        before = dict(current)
        current.update({name: ln.new for name, ln in fields.items()})
        if by_seq[seq][0].operation == "INSERT":
            continue
        first = next(iter(fields.values()))
        if any(ln.masked for ln in fields.values()):
            masked = next(ln for ln in fields.values() if ln.masked)
            out.append(_change(masked, field="value"))
            continue
        out.append(_change(first, old=f"{before['entered_value']} {before['entered_unit']}".strip(),
                           new=f"{current['entered_value']} {current['entered_unit']}".strip(), field="value"))
    return out


def lab_result_records(store: Store, user: User, participant_id: str, *, language: str = "en"
                       ) -> list[LabResultRecord]:
    """Every saved result of a participant, oldest sample first, each with its corrections.

    Masked results (blinded roles, masked analytes after the first dose) show neither the value nor
    the old/new values of their corrections: only who changed them, when and why.
    """
    require(user, Action.VIEW_CLINICAL)
    rows = repo.results(store.db, participant_id)
    views = vs.lab_results(store, user, participant_id)
    if len(rows) != len(views):  # pragma: no cover - both read the same query
        raise ValidationError("The results changed while they were read; try again.")
    visits = {r["id"]: r["dose_code"] for r in repo.dose_visits(store.db, participant_id)}
    keys = [("lab_results", r["id"]) for r in rows] + [("lab_samples", r["sample_id"]) for r in rows]
    read = audit_reader.lines_by_record(store, user, participant_id, keys, language=language)
    out = []
    for record, view in zip(rows, views):
        assert record["analyte"] == view.analyte
        # A corrected sample time belongs to every result of the sample (``field`` "sampled_at").
        sample = [_change(ln) for ln in read[("lab_samples", record["sample_id"])]
                  if ln.operation == "UPDATE" and ln.column is not None and ln.column.column == "sampled_at"]
        changes = sorted([*_lab_changes(read[("lab_results", record["id"])]), *sample], key=lambda c: c.when)
        out.append(LabResultRecord(id=record["id"], dose_code=visits.get(record["dose_visit_id"]),
                                   read_back=bool(record["read_back"]), view=view, changes=tuple(changes)))
    return out


_AE_FIELDS = ("verbatim", "term", "other_specify", "onset_date", "end_date", "grade", "serious", "causality",
              "action_taken", "outcome", *SAE_CRITERIA, "sae_reported_at")


def _field_changes(lines: list[audit_reader.Line], fields) -> list[Change]:
    """One :class:`Change` per corrected field among ``fields`` (updates only), oldest first."""
    return [_change(ln) for ln in lines
            if ln.operation == "UPDATE" and ln.column is not None and ln.column.column in fields]


def adverse_event_changes(store: Store, user: User, ae_id: str, *, language: str = "en") -> list[Change]:
    """The corrections of one adverse event, oldest first."""
    require(user, Action.VIEW_CLINICAL)
    return _field_changes(audit_reader.record_lines(store, user, "adverse_events", ae_id, language=language),
                          _AE_FIELDS)


def adverse_events_changes(store: Store, user: User, participant_id: str, ae_ids, *, language: str = "en"
                           ) -> dict[str, list[Change]]:
    """:func:`adverse_event_changes` of several adverse events of one participant, read in one pass over the
    audit trail (the AE log asked once per event)."""
    require(user, Action.VIEW_CLINICAL)
    keys = [("adverse_events", ae_id) for ae_id in ae_ids]
    read = audit_reader.lines_by_record(store, user, participant_id, keys, language=language) if keys else {}
    return {ae_id: _field_changes(read.get(("adverse_events", ae_id), []), _AE_FIELDS) for ae_id in ae_ids}


_ADMIN_FIELDS = ("kit_number", "lot", "injection_site", "started_at", "ended_at", "observation_until",
                 *(f"{v}_{when}" for when in ("pre", "post") for v in ("bp_sys", "bp_dia", "pulse", "temp")))


def administration_changes(store: Store, user: User, participant_id: str, dose_code: str, *,
                           language: str = "en") -> list[Change]:
    """The corrections of a dose's injection record (none when it was not given), oldest first."""
    require(user, Action.VIEW_CLINICAL)
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    admin = repo.administration(store.db, visit["id"]) if visit else None
    if not admin:
        return []
    key = ("administrations", admin["id"])
    return _field_changes(audit_reader.lines_by_record(store, user, participant_id, [key], language=language)[key],
                          _ADMIN_FIELDS)


def pre_dose_changes(store: Store, user: User, participant_id: str, dose_code: str, *,
                     language: str = "en") -> dict[str, list[Change]]:
    """Corrections of the saved pre-dose facts of one dose, by field: ``type_and_screen_on``, ``alert_card_on``
    (the participant's blood-bank dates), ``pregnancy_test`` and each premedication's drug code. A first entry
    is not a change; only a saved value replaced (with its reason) is."""
    require(user, Action.VIEW_CLINICAL)
    wanted: dict[tuple[str, str], dict[str, str]] = {
        ("participants", participant_id): {"type_and_screen_on": "type_and_screen_on",
                                           "alert_card_issued_on": "alert_card_on"}}
    visit = repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit:
        wanted[("dose_visits", visit["id"])] = {"pregnancy_test": "pregnancy_test"}
        for drug, row in repo.premedications(store.db, visit["id"]).items():
            wanted[("premedications", row["id"])] = {"given_at": drug}
    read = audit_reader.lines_by_record(store, user, participant_id, list(wanted), language=language)
    out: dict[str, list[Change]] = {}
    for key, fields in wanted.items():
        for line in read[key]:
            if line.operation != "UPDATE" or line.column is None or line.column.column not in fields or not line.old:
                continue
            name = fields[line.column.column]
            label = line.names[-1] if key[0] == "premedications" and line.names else line.field
            out.setdefault(name, []).append(_change(line, field=name, label=label))
    return out


@dataclass(frozen=True)
class BloodBank:
    """Type & screen and alert-card dates on file (None: not recorded)."""

    type_and_screen_on: date | None
    alert_card_on: date | None


def blood_bank(store: Store, user: User, participant_id: str) -> BloodBank:
    """The blood-bank dates recorded for the participant (needed before dose 1)."""
    require(user, Action.VIEW_CLINICAL)
    dates = participants_repo.blood_bank_dates(store.db, participant_id)
    if dates is None:
        raise ValidationError("No such participant.")
    return BloodBank(dates.type_and_screen_on, dates.alert_card_issued_on)


__all__ = ["BloodBank", "Change", "LabResultRecord", "MASKED", "administration_changes", "adverse_event_changes",
           "blood_bank", "lab_result_records", "pre_dose_changes"]
