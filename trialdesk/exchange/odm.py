"""CDISC ODM 1.3.2 export, built from the audit trail (issue 6; anchors.md §4.1–4.2).

The file is ``FileType="Transactional"``, ``Archival="Yes"``: every insertion, update and removal of
clinical data is one transaction, in audit order, carrying its AuditRecord (user, location, time,
ReasonForChange when the audit row has a reason, SourceID ``audit:<seq>``); e-signatures become
``Signature`` elements placed on the entity they sign. No Upsert. Identity data (names, identity
numbers, phone, GP) is never exported: the ``identities`` table has no mapping here, and the
treatment arm is not in the store at all.

Input is plain data (audit rows as dicts, users, sites), so this module needs no database. The file is
written as it is made (issue 15, point 4): lxml's incremental ``etree.xmlfile`` writer writes the document and its
metadata; inside ClinicalData each transaction is written as text straight from its audit row (the markup that
does not change escaped once per export, the values escaped and checked for characters XML cannot carry) and
handed on before the next audit row is read, so memory does not grow with the store (3.4 GB for 5.8 M elements
when the whole tree was built first) and the export keeps within 1.5x of a bare streaming writer writing the same
elements (``bench/scale.py``).
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO, NamedTuple

from lxml import etree as ET

from trialdesk.domain import records
from trialdesk.errors import TrialDeskError

ODM_NS = "http://www.cdisc.org/ns/odm/v1.3"
STUDY_OID = "ST.KTS-11"
MDV_OID = "MDV.KTS11.1"


@dataclass(frozen=True)
class Item:
    """One column exported as an ItemDef: ``oid``, ODM ``datatype``, SDTM-style name (if any)."""

    column: str
    oid: str
    datatype: str = "text"
    sds: str | None = None


@dataclass(frozen=True)
class Target:
    """Where the rows of one table go: study event, form and item group, and how each repeats.

    ``event_key``/``group_key``: how the repeat key is found: ``None`` (not repeating), ``"id"`` (the
    row's id), or a column name (e.g. ``criterion_id``); ``event_key`` may also be ``"dose"`` (the
    dose code of the row's dose visit), ``"sample"`` (the visit code of the row's sample's dose visit or
    consultation) or ``"contact"`` (the visit code of the row's contact).
    """

    table: str
    event: str
    form: str
    form_name: str
    group: str
    items: tuple[Item, ...]
    event_key: str | None = None
    group_key: str | None = None
    domain: str | None = None


def _items(table: str) -> tuple[Item, ...]:
    """The ItemDefs of ``table``: every column the record registry gives an ODM item, in its order."""
    return tuple(Item(f.column, f.odm.oid, f.odm.datatype, f.sdtm) for f in records.record(table).fields if f.odm)


TARGETS: dict[str, Target] = {t.table: t for t in (
    Target("participants", "SE.SCREENING", "F.DM", "Demographics and status", "IG.DM", _items("participants"),
           domain="DM"),
    Target("consents", "SE.SCREENING", "F.IC", "Informed consent", "IG.IC", _items("consents"), group_key="id",
           domain="DS"),
    Target("screenings", "SE.SCREENING", "F.SCR", "Screening", "IG.SCR", _items("screenings")),
    Target("screening_judgements", "SE.SCREENING", "F.IE", "Eligibility judgements", "IG.IE",
           _items("screening_judgements"), group_key="criterion_id", domain="IE"),
    Target("eligibility_decisions", "SE.SCREENING", "F.ELIG", "Eligibility decision", "IG.ELIG",
           _items("eligibility_decisions"), group_key="id"),
    Target("planned_visits", "SE.CALENDAR", "F.CAL", "Visit calendar", "IG.PV", _items("planned_visits"),
           group_key="code"),
    Target("dose_visits", "SE.DOSE", "F.DOSE", "Dose visit", "IG.DOSE", _items("dose_visits"), event_key="dose"),
    Target("premedications", "SE.DOSE", "F.PREMED", "Premedication", "IG.PREMED", _items("premedications"),
           event_key="dose", group_key="drug", domain="CM"),
    Target("lab_samples", "SE.DOSE", "F.LB", "Blood tests", "IG.LBS", _items("lab_samples"), event_key="dose",
           group_key="id"),
    Target("lab_results", "SE.DOSE", "F.LB", "Blood tests", "IG.LB", _items("lab_results"), event_key="sample",
           group_key="id", domain="LB"),
    Target("administrations", "SE.DOSE", "F.EC", "Study drug administration", "IG.EC", _items("administrations"),
           event_key="dose", domain="EC"),
    Target("adverse_events", "SE.AE", "F.AE", "Adverse events", "IG.AE", _items("adverse_events"), group_key="id",
           domain="AE"),
    # Migration 6: contacts after the first dose (with their attempts; a consultation's blood tests are F.LB in
    # the same event), the course (disposition events) and concomitant medications.
    Target("contacts", "SE.CONTACT", "F.CT", "Contact", "IG.CT", _items("contacts"), event_key="contact",
           domain="SV"),
    Target("contact_attempts", "SE.CONTACT", "F.CT", "Contact", "IG.CTA", _items("contact_attempts"),
           event_key="contact", group_key="id"),
    Target("dispositions", "SE.DS", "F.DS", "Disposition events", "IG.DS", _items("dispositions"), group_key="id",
           domain="DS"),
    Target("concomitant_medications", "SE.CM", "F.CM", "Concomitant medications", "IG.CM",
           _items("concomitant_medications"), group_key="id", domain="CM"),
)}
# Lab-result columns a blinded user may not see for masked analytes after the first dose (the registry's).
MASKED_COLUMNS = frozenset(f.column for f in records.record("lab_results").fields if f.masked)
# Columns holding a user id: exported as the user's OID.
USER_COLUMNS = frozenset(f.column for t in TARGETS for f in records.record(t).fields if f.kind is records.Kind.USER)
EVENTS = {"SE.SCREENING": ("Screening", "No", "Scheduled"), "SE.CALENDAR": ("Visit calendar", "No", "Common"),
          "SE.DOSE": ("Dose visit", "Yes", "Scheduled"), "SE.AE": ("Adverse events", "No", "Common"),
          "SE.CONTACT": ("Contact (phone, consultation, end of study, long-term follow-up)", "Yes", "Scheduled"),
          "SE.DS": ("Disposition", "No", "Common"), "SE.CM": ("Concomitant medications", "No", "Common")}
# Study events repeated per visit: the repeat key is the dose or visit code (a sample's id when unscheduled).
REPEATED_EVENTS = ("SE.DOSE", "SE.CONTACT", "SE.UNSCHEDULED")


@dataclass(frozen=True)
class User:
    oid: str
    login: str
    full_name: str
    user_type: str = "Investigator"


@dataclass(frozen=True)
class Location:
    oid: str
    name: str
    effective_date: str


class AuditEntry(NamedTuple):
    """One audit row as plain data (``old``/``new`` are the JSON-decoded row values). A named tuple: an export at
    5,000 participants makes half a million of them, and a frozen dataclass costs 2 µs each."""

    seq: int
    at: str
    username: str | None
    action: str
    table: str
    record_id: str
    old: Mapping
    new: Mapping
    reason: str | None
    site: str


@dataclass
class OdmStats:
    """What the export contained (for the audit detail)."""

    transactions: int = 0
    signatures: int = 0
    masked_values: int = 0
    subjects: set = field(default_factory=set)


def user_oid(username: str | None) -> str:
    return f"USR.{username or 'unknown'}"


def location_oid(site: str) -> str:
    return f"LOC.{site}"


def _value(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _sub(parent, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None})


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _translated(parent, tag: str, text: str) -> None:
    el = _sub(parent, tag)
    t = _sub(el, "TranslatedText", **{XML_LANG: "en"})
    t.text = text


_ESCAPE = re.compile(r'[&<>"\n\r\t]')
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_C0 = bytes(c for c in range(32) if c not in (9, 10, 13))  # what XML 1.0 cannot carry below the space


def _escaped(value: str) -> str:
    """``value`` as attribute or text content (one escaping for both: quotes and white space as references)."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], value) if _ESCAPE.search(value) else value


def _encoded(text: str, seq: int) -> bytes:
    """One transaction as UTF-8, refused if it holds what XML 1.0 cannot carry at all: a C0 control but tab,
    newline and return, a lone surrogate (which UTF-8 cannot encode either), U+FFFE or U+FFFF."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = None
    if data is None or len(data.translate(None, _C0)) != len(data) or (
            b"\xef\xbf" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)):
        raise TrialDeskError("Audit row {seq} holds a control character that an XML file cannot carry; the ODM "
                             "export stopped there. Ask IT to look at that row.", seq=seq)
    return data


def _kept(value):
    """One shared copy of an id the builder keeps for the rest of the export (every audit row decodes its own)."""
    return sys.intern(value) if isinstance(value, str) else value


_ACTIONS = {"INSERT": "Insert", "UPDATE": "Update", "DELETE": "Remove"}


class _Layout:
    """The constant markup of one target's transactions, escaped once: its form and item group, and per item the
    start of its ItemData with what the builder needs to know of the column."""

    __slots__ = ("form", "group", "items", "target")

    def __init__(self, target: Target):
        self.target = target
        self.form = f'<FormData FormOID="{_escaped(target.form)}" TransactionType="'
        self.group = f'<ItemGroupData ItemGroupOID="{_escaped(target.group)}"'
        # (column, '<ItemData ItemOID="…"', a user id, masked for a blinded reader)
        self.items = tuple((item.column, f'<ItemData ItemOID="{_escaped(item.oid)}"', item.column in USER_COLUMNS,
                            target.table == "lab_results" and item.column in MASKED_COLUMNS)
                           for item in target.items)


_LAYOUTS = {table: _Layout(target) for table, target in TARGETS.items()}


class _Builder:
    """Turns audit entries into ODM transactions in file order.

    Each transaction (one SubjectData) is written as text straight from the entry, its constant markup escaped once
    per export (per target, user and site), and handed to ``write`` as UTF-8 before the next entry is read: the
    element tree a transaction would make is never built (issue 15, point 4: millions of elements)."""

    def __init__(self, write, study_ids: Mapping[str, str], user_names: Mapping[str, str],
                 masked_results: set[str], signature_oids: Mapping[str, str]):
        self.write = write  # called with each finished transaction (UTF-8 bytes of one SubjectData)
        self.study_ids = study_ids
        self.user_names = user_names
        self.masked = masked_results
        self.signature_oids = signature_oids
        self.stats = OdmStats()
        self.seen: set[tuple] = set()
        # Parents learnt from the audit stream itself (a removed row's parents are still known).
        self.screening_of: dict[str, str] = {}
        self.visit_of: dict[str, tuple[str, str]] = {}   # dose visit id -> (participant id, dose code)
        # sample id -> (participant id, dose visit id, contact id)
        self.sample_of: dict[str, tuple[str, str | None, str | None]] = {}
        self.result_sample: dict[str, str] = {}
        self.contact_of: dict[str, tuple[str, str]] = {}  # contact id -> (participant id, visit code)
        # Markup made once: '<SubjectData SubjectKey="…" TransactionType="' per participant, the start of an
        # AuditRecord per (user name, site), a SiteRef per site, a user's OID per user id.
        self._subjects: dict[str, str] = {}
        self._audit_heads: dict[tuple, str] = {}
        self._site_refs: dict[str, str] = {}
        self._user_values: dict = {}

    # --- locating a row ---------------------------------------------------------------------------

    def _locate(self, entry: AuditEntry, row: Mapping) -> tuple[str, str | None, str | None] | None:
        """(participant id, study event OID, event repeat key) of a row, or None if it is not clinical."""
        table = entry.table
        if table == "participants":
            return entry.record_id, None, None
        if table == "screening_judgements":
            pid = self.screening_of.get(row.get("screening_id"))
            return (pid, None, None) if pid else None
        if table == "dose_visits":
            self.visit_of[_kept(entry.record_id)] = (_kept(row.get("participant_id")), _kept(row.get("dose_code")))
            return row.get("participant_id"), "SE.DOSE", row.get("dose_code")
        if table in ("premedications", "administrations"):
            visit = self.visit_of.get(row.get("dose_visit_id"))
            return (visit[0], "SE.DOSE", visit[1]) if visit else None
        if table == "lab_samples":
            self.sample_of[_kept(entry.record_id)] = (
                _kept(row.get("participant_id")), _kept(row.get("dose_visit_id")), _kept(row.get("contact_id")))
            return self._sample_event(entry.record_id)
        if table == "contacts":
            self.contact_of[_kept(entry.record_id)] = (_kept(row.get("participant_id")), _kept(row.get("visit_code")))
            return row.get("participant_id"), "SE.CONTACT", row.get("visit_code")
        if table == "contact_attempts":
            contact = self.contact_of.get(row.get("contact_id"))
            return (contact[0], "SE.CONTACT", contact[1]) if contact else None
        if table == "lab_results":
            sample = row.get("sample_id") or self.result_sample.get(entry.record_id)
            if sample:
                self.result_sample[_kept(entry.record_id)] = _kept(sample)
            return self._sample_event(sample) if sample else None
        pid = row.get("participant_id")
        if table == "screenings":
            self.screening_of[_kept(entry.record_id)] = _kept(pid)
        return (pid, None, None) if pid else None

    def _sample_event(self, sample_id: str) -> tuple[str, str, str] | None:
        sample = self.sample_of.get(sample_id)
        if not sample:
            return None
        pid, visit_id, contact_id = sample
        visit = self.visit_of.get(visit_id) if visit_id else None
        if visit:
            return pid, "SE.DOSE", visit[1]
        contact = self.contact_of.get(contact_id) if contact_id else None
        if contact:
            return pid, "SE.CONTACT", contact[1]
        return pid, "SE.UNSCHEDULED", sample_id

    # --- markup ----------------------------------------------------------------------------------

    def _audit_record(self, entry: AuditEntry) -> str:
        """The entry's AuditRecord: who, where, when, why (if said), and the audit row it comes from."""
        head = self._audit_heads.get((entry.username, entry.site))
        if head is None:
            head = self._audit_heads[(entry.username, entry.site)] = (
                f'<AuditRecord><UserRef UserOID="{_escaped(user_oid(entry.username))}"/>'
                f'<LocationRef LocationOID="{_escaped(location_oid(entry.site))}"/>')
        at = entry.at
        text = head + ("<DateTimeStamp/>" if at is None else "<DateTimeStamp>" + _escaped(at) + "</DateTimeStamp>")
        if entry.reason:
            text += "<ReasonForChange>" + _escaped(entry.reason) + "</ReasonForChange>"
        seq = entry.seq
        return text + "<SourceID>" + (f"audit:{seq}" if type(seq) is int else _escaped(f"audit:{seq}")) + \
            "</SourceID></AuditRecord>"

    def _subject(self, pid: str) -> str | None:
        """The start tag of the participant's SubjectData (Insert the first time), or None if not a participant."""
        head = self._subjects.get(pid)
        if head is None:
            key = self.study_ids.get(pid)
            if key is None:
                return None
            head = self._subjects[pid] = f'<SubjectData SubjectKey="{_escaped(key)}" TransactionType="'
            self.stats.subjects.add(key)
        new = ("S", pid) not in self.seen
        self.seen.add(("S", pid))
        return head + ("Insert\">" if new else "Update\">")

    def _event(self, key: tuple, event: str, event_key, inserting: bool) -> str:
        """The start tag of a StudyEventData (Insert when first met in an insertion, else Context)."""
        new = key not in self.seen
        self.seen.add(key)
        repeat = f' StudyEventRepeatKey="{_escaped(event_key)}"' if event in REPEATED_EVENTS and event_key is not None \
            else ""
        return f'<StudyEventData StudyEventOID="{_escaped(event)}"{repeat} TransactionType="' + (
            "Insert\">" if (new and inserting) else "Context\">")

    def _form(self, key: tuple, form_start: str, inserting: bool) -> str:
        new = key not in self.seen
        self.seen.add(key)
        return form_start + ("Insert\">" if (new and inserting) else "Context\">")

    def add(self, entry: AuditEntry) -> None:
        table = entry.table
        if table == "signatures":
            self._signature(entry)
            return
        layout = _LAYOUTS.get(table)
        if layout is None:  # identities, users, settings …: never exported as clinical data
            return
        target = layout.target
        row = entry.new or entry.old
        where = self._locate(entry, row)
        if where is None:
            return
        pid, event, event_key = _kept(where[0]), where[1], _kept(where[2])
        event = event or target.event
        action = entry.action
        updating = action == "UPDATE"
        items = self._items(entry, layout)
        if updating and not items:
            return
        subject_new = ("S", pid) not in self.seen
        subject = self._subject(pid)
        if subject is None:
            return
        parts = [subject]
        if subject_new:
            site_ref = self._site_refs.get(entry.site)
            if site_ref is None:
                site_ref = self._site_refs[entry.site] = f'<SiteRef LocationOID="{_escaped(location_oid(entry.site))}"/>'
            parts.append(site_ref)
        inserting = action == "INSERT"
        ev_key = ("E", pid, event, event_key)
        parts.append(self._event(ev_key, event, event_key, inserting))
        parts.append(self._form(ev_key + (target.form,), layout.form, inserting))
        group_key = _kept(self._group_key(entry, target, row))
        g_key = ev_key + (target.form, target.group, group_key)
        transaction = _ACTIONS[action]
        if inserting and g_key in self.seen:
            transaction = "Update"  # a re-inserted row (never happens today; Upsert is not allowed)
        self.seen.add(g_key)
        parts.append(layout.group)
        if group_key is not None:
            parts.append(f' ItemGroupRepeatKey="{_escaped(group_key)}"')
        if updating:
            parts.append(' TransactionType="Context">')
            record = self._audit_record(entry)
            for start, value in items:
                parts.append(start)
                parts.append(' IsNull="Yes" TransactionType="Update">' if value is None
                             else ' Value="' + _escaped(value) + '" TransactionType="Update">')
                parts.append(record)
                parts.append("</ItemData>")
        else:
            parts.append(f' TransactionType="{transaction}">')
            parts.append(self._audit_record(entry))
            for start, value in items:
                parts.append(start)
                parts.append(' IsNull="Yes"/>' if value is None else ' Value="' + _escaped(value) + '"/>')
        parts.append("</ItemGroupData></FormData></StudyEventData></SubjectData>")
        self.stats.transactions += 1
        self.write(_encoded("".join(parts), entry.seq))

    def _group_key(self, entry: AuditEntry, target: Target, row: Mapping) -> str | None:
        if target.group_key is None:
            return None
        if target.group_key == "id":
            return entry.record_id
        return str(row.get(target.group_key) or entry.record_id)

    def _items(self, entry: AuditEntry, layout: _Layout) -> list[tuple[str, str | None]]:
        """(ItemData start, value as text or None for IsNull) of each item the entry sets, in the target's order:
        an insertion's values that are not null, an update's changed values, none for a removal; a masked result's
        masked values are left out (counted)."""
        action = entry.action
        if action == "DELETE":
            return []
        new = entry.new
        old = entry.old
        updating = action == "UPDATE"
        masked = layout.target.table == "lab_results" and entry.record_id in self.masked
        out = []
        for column, start, user_column, masked_column in layout.items:
            if column not in new:
                continue
            value = new[column]
            if updating:
                if old.get(column) == value:
                    continue
            elif value is None:
                continue
            if masked and masked_column:
                self.stats.masked_values += 1
                continue
            if value is None:
                out.append((start, None))
                continue
            kind = type(value)
            if kind is str:
                text = value
            elif kind is bool:
                text = "1" if value else "0"
            elif kind is float:
                text = repr(value)
            else:
                text = str(value)
            if user_column:
                text = self._user_values.get(value)
                if text is None:
                    text = self._user_values[value] = user_oid(self.user_names.get(value, value))
            out.append((start, text))
        return out

    def _signature(self, entry: AuditEntry) -> None:
        if entry.action != "INSERT":
            return
        sig = entry.new
        table, rid = sig.get("record_table"), sig.get("record_id")
        if table == "screenings":
            pid = self.screening_of.get(rid)
            event, key, form = "SE.SCREENING", None, "F.SCR"
        elif table == "dose_visits":
            visit = self.visit_of.get(rid)
            if not visit:
                return
            pid, event, key, form = visit[0], "SE.DOSE", visit[1], None
        elif table == "contacts":
            contact = self.contact_of.get(rid)
            if not contact:
                return
            pid, event, key, form = contact[0], "SE.CONTACT", contact[1], "F.CT"
        else:
            return
        subject = self._subject(pid) if pid else None
        if subject is None:
            return
        ev_key = ("E", pid, event, key)
        parts = [subject, self._event(ev_key, event, key, False)]
        if form is not None:
            parts.append(self._form(ev_key + (form,), f'<FormData FormOID="{_escaped(form)}" TransactionType="',
                                    False))
        signed_at = sig.get("signed_at") or entry.at
        # Signature before data in the XSD sequence: the only child of its holder here.
        parts.append(
            '<Signature ID="' + _escaped(f"SIG.{sig.get('id', entry.record_id)}") + '">'
            f'<UserRef UserOID="{_escaped(user_oid(sig.get("username")))}"/>'
            f'<LocationRef LocationOID="{_escaped(location_oid(sig.get("site") or entry.site))}"/>'
            f'<SignatureRef SignatureOID="{_escaped(self.signature_oids[sig.get("meaning", "")])}"/>'
            + ("<DateTimeStamp/>" if signed_at is None else f"<DateTimeStamp>{_escaped(signed_at)}</DateTimeStamp>")
            + "</Signature>")
        if form is not None:
            parts.append("</FormData>")
        parts.append("</StudyEventData></SubjectData>")
        self.stats.signatures += 1
        self.stats.transactions += 1
        self.write(_encoded("".join(parts), entry.seq))


def signature_def_oid(meaning: str) -> str:
    """A stable SignatureDef OID for a meaning ("No-go overridden …: <reason>" shares one)."""
    known = {"Eligibility confirmed by investigator": "SD.ELIGIBLE",
             "Screen failure confirmed by investigator": "SD.SCREEN_FAILURE"}
    if meaning in known:
        return known[meaning]
    if meaning.startswith("No-go overridden by investigator"):
        return "SD.NO_GO_OVERRIDE"
    return "SD.OTHER"


def build_odm(*, entries: Iterable[AuditEntry], study_ids: Mapping[str, str], users: Iterable[User],
              locations: Iterable[Location], user_names: Mapping[str, str], masked_results: set[str],
              created_at: str, file_oid: str, study_name: str, study_description: str, protocol_name: str,
              mdv_name: str, source_version: str, originator: str) -> tuple[bytes, OdmStats]:
    """The ODM 1.3.2 document in memory (UTF-8 bytes) and what it holds: :func:`write_odm` into a buffer, for small
    stores and tests. ``entries`` in audit order (read twice: the user names and signature meanings first)."""
    entries = list(entries)
    buffer = io.BytesIO()
    stats = write_odm(
        buffer, entries=entries, study_ids=study_ids, users=users, locations=locations, user_names=user_names,
        masked_results=masked_results, created_at=created_at, file_oid=file_oid, study_name=study_name,
        study_description=study_description, protocol_name=protocol_name, mdv_name=mdv_name,
        source_version=source_version, originator=originator,
        usernames=[n for e in entries for n in (e.username, e.new.get("username") if e.table == "signatures" else None)
                   if n],
        signature_meanings=[e.new.get("meaning", "") for e in entries
                            if e.table == "signatures" and e.action == "INSERT"])
    return buffer.getvalue(), stats


def write_odm(out: BinaryIO, *, entries: Iterable[AuditEntry], study_ids: Mapping[str, str], users: Iterable[User],
              locations: Iterable[Location], user_names: Mapping[str, str], masked_results: set[str],
              created_at: str, file_oid: str, study_name: str, study_description: str, protocol_name: str,
              mdv_name: str, source_version: str, originator: str, usernames: Iterable[str],
              signature_meanings: Iterable[str]) -> OdmStats:
    """Write the ODM 1.3.2 document (UTF-8) to ``out`` as it is made; return what it holds.

    ``entries`` in audit order, read once, each written before the next is read; ``study_ids`` maps participant
    ids to study ids (SubjectKey); ``user_names`` maps user ids to user names; ``masked_results`` are lab result
    ids whose values this reader may not see (left out, counted in the stats). ``usernames`` (every user name of
    the entries and of their signatures) and ``signature_meanings`` (of the signatures among them) are needed
    before the first entry: AdminData comes before ClinicalData.
    """
    sig_oids = {m: signature_def_oid(m) for m in set(signature_meanings)}
    users = list(users)
    known = {u.oid for u in users}
    for name in usernames:
        if name and user_oid(name) not in known:
            users.append(User(user_oid(name), name, name, "Other"))
            known.add(user_oid(name))
    with ET.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{ODM_NS}}}ODM", {
                "ODMVersion": "1.3.2", "FileType": "Transactional", "Granularity": "All", "Archival": "Yes",
                "FileOID": file_oid, "CreationDateTime": created_at, "Originator": originator,
                "SourceSystem": "TrialDesk", "SourceSystemVersion": source_version,
                "Description": "KTS-11 clinical data with audit trail and e-signatures (study ids only, no identity "
                               "data)"}, nsmap={None: ODM_NS}):
            # Children without a namespace of their own are written inside the ODM default namespace.
            xf.write(_metadata(study_name, study_description, protocol_name, mdv_name))
            admin = ET.Element("AdminData", StudyOID=STUDY_OID)
            for u in users:
                el = _sub(admin, "User", OID=u.oid, UserType=u.user_type)
                _sub(el, "LoginName").text = u.login
                _sub(el, "FullName").text = u.full_name
            for loc in locations:
                el = _sub(admin, "Location", OID=loc.oid, Name=loc.name, LocationType="Site")
                _sub(el, "MetaDataVersionRef", StudyOID=STUDY_OID, MetaDataVersionOID=MDV_OID,
                     EffectiveDate=loc.effective_date)
            for oid in sorted(set(sig_oids.values())):
                meaning = next(m for m, o in sig_oids.items() if o == oid)
                if oid == "SD.NO_GO_OVERRIDE":
                    meaning = "No-go overridden by investigator"
                el = _sub(admin, "SignatureDef", OID=oid, Methodology="Electronic")
                _sub(el, "Meaning").text = meaning
                _sub(el, "LegalReason").text = ("Electronic signature with re-entered password; the legally binding "
                                                "equivalent of the signer's handwritten signature (21 CFR 11.100)")
            xf.write(admin)
            with xf.element("ClinicalData", StudyOID=STUDY_OID, MetaDataVersionOID=MDV_OID):
                # Each transaction as made, straight to ``out`` after what the writer holds (flushed first).
                xf.flush()
                builder = _Builder(out.write, study_ids, user_names, masked_results, sig_oids)
                for entry in entries:
                    builder.add(entry)
    return builder.stats


def _metadata(study_name: str, description: str, protocol_name: str, mdv_name: str) -> ET._Element:
    study = ET.Element("Study", OID=STUDY_OID)
    gv = _sub(study, "GlobalVariables")
    _sub(gv, "StudyName").text = study_name
    _sub(gv, "StudyDescription").text = description
    _sub(gv, "ProtocolName").text = protocol_name
    mdv = _sub(study, "MetaDataVersion", OID=MDV_OID, Name=mdv_name)
    protocol = _sub(mdv, "Protocol")
    events = dict(EVENTS)
    events["SE.UNSCHEDULED"] = ("Unscheduled blood test", "Yes", "Unscheduled")
    for n, oid in enumerate(events, start=1):
        _sub(protocol, "StudyEventRef", StudyEventOID=oid, OrderNumber=str(n), Mandatory="No")
    forms: dict[str, list[Target]] = {}
    for t in TARGETS.values():
        forms.setdefault(t.form, []).append(t)
    for oid, (name, repeating, kind) in events.items():
        el = _sub(mdv, "StudyEventDef", OID=oid, Name=name, Repeating=repeating, Type=kind)
        # Blood tests are also taken at a consultation and outside any visit.
        event_forms = {t.form for t in TARGETS.values()
                       if t.event == oid or (oid in ("SE.UNSCHEDULED", "SE.CONTACT") and t.form == "F.LB")}
        for n, form in enumerate(sorted(event_forms), start=1):
            _sub(el, "FormRef", FormOID=form, OrderNumber=str(n), Mandatory="No")
    for form, targets in forms.items():
        el = _sub(mdv, "FormDef", OID=form, Name=targets[0].form_name, Repeating="No")
        for t in targets:
            _sub(el, "ItemGroupRef", ItemGroupOID=t.group, Mandatory="No")
    for t in TARGETS.values():
        el = _sub(mdv, "ItemGroupDef", OID=t.group, Name=t.table, Repeating="Yes" if t.group_key else "No",
                  Domain=t.domain, SASDatasetName=t.domain)
        for n, item in enumerate(t.items, start=1):
            _sub(el, "ItemRef", ItemOID=item.oid, OrderNumber=str(n), Mandatory="No")
    for t in TARGETS.values():
        for item in t.items:
            length = None if item.datatype in ("date", "datetime", "float") else "200"
            _sub(mdv, "ItemDef", OID=item.oid, Name=item.column, DataType=item.datatype, Length=length,
                 SDSVarName=item.sds)
    return study


def decode(text: str | None) -> dict:
    return json.loads(text) if text else {}
