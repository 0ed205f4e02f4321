"""CDISC ODM 1.3.2 export, built from the audit trail (issue 6; anchors.md §4.1–4.2).

The file is ``FileType="Transactional"``, ``Archival="Yes"``: every insertion, update and removal of
clinical data is one transaction, in audit order, carrying its AuditRecord (user, location, time,
ReasonForChange when the audit row has a reason, SourceID ``audit:<seq>``); e-signatures become
``Signature`` elements placed on the entity they sign. No Upsert. Identity data (names, identity
numbers, phone, GP) is never exported: the ``identities`` table has no mapping here, and the
treatment arm is not in the store at all.

Input is plain data (audit rows as dicts, users, sites), so this module needs no database. The file is
written as it is made (issue 15, point 4): lxml's incremental ``etree.xmlfile`` writer writes the document and its
metadata; inside ClinicalData each transaction is made as a small tree of plain objects (``_Node``), serialized
(escaped, checked for characters XML cannot carry) and written before the next audit row is read, so memory does
not grow with the store (3.4 GB for 5.8 M elements when the whole tree was built first) and the export runs at the
pace of a bare streaming writer.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

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


@dataclass(frozen=True)
class AuditEntry:
    """One audit row as plain data (``old``/``new`` are the JSON-decoded row values)."""

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


class _Node:
    """One element of a transaction being made: a few plain Python objects, serialized at once by :func:`_xml`
    and dropped (an lxml element costs ~5 µs to make; the export makes millions)."""

    __slots__ = ("attrs", "children", "tag", "text")

    def __init__(self, tag: str, attrs: dict | None = None):
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node] = []
        self.text: str | None = None


def _node(parent: _Node, tag: str, attrs: dict | None = None) -> _Node:
    node = _Node(tag, attrs)
    parent.children.append(node)
    return node


_ESCAPE = re.compile(r'[&<>"\n\r\t]')
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
# What XML 1.0 cannot carry at all (C0 controls but tab, newline and return; lone surrogates; U+FFFE, U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escaped(value: str) -> str:
    """``value`` as attribute or text content (one escaping for both: quotes and white space as references)."""
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], value) if _ESCAPE.search(value) else value


def _xml(node: _Node, parts: list[str]) -> None:
    head = "<" + node.tag
    if node.attrs:
        head += "".join([f' {name}="{_escaped(value)}"' for name, value in node.attrs.items() if value is not None])
    if node.children or node.text is not None:
        parts.append(head + ">")
        if node.text is not None:
            parts.append(_escaped(node.text))
        for child in node.children:
            _xml(child, parts)
        parts.append("</" + node.tag + ">")
    else:
        parts.append(head + "/>")


def _transaction_bytes(node: _Node, seq: int) -> bytes:
    parts: list[str] = []
    _xml(node, parts)
    text = "".join(parts)
    if _NOT_XML.search(text):
        raise TrialDeskError("Audit row {seq} holds a control character that an XML file cannot carry; the ODM "
                             "export stopped there. Ask IT to look at that row.", seq=seq)
    return text.encode("utf-8")


def _kept(value):
    """One shared copy of an id the builder keeps for the rest of the export (every audit row decodes its own)."""
    return sys.intern(value) if isinstance(value, str) else value


class _Builder:
    """Turns audit entries into ODM transactions in file order."""

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

    # --- elements --------------------------------------------------------------------------------

    def _audit_record(self, parent, entry: AuditEntry) -> None:
        rec = _node(parent, "AuditRecord")
        _node(rec, "UserRef", {"UserOID": user_oid(entry.username)})
        _node(rec, "LocationRef", {"LocationOID": location_oid(entry.site)})
        _node(rec, "DateTimeStamp").text = entry.at
        if entry.reason:
            _node(rec, "ReasonForChange").text = entry.reason
        _node(rec, "SourceID").text = f"audit:{entry.seq}"

    def _subject(self, pid: str) -> _Node | None:
        key = self.study_ids.get(pid)
        if key is None:
            return None
        new = ("S", pid) not in self.seen
        self.seen.add(("S", pid))
        self.stats.subjects.add(key)
        return _Node("SubjectData", {"SubjectKey": key, "TransactionType": "Insert" if new else "Update"})

    def _child(self, parent, tag: str, key: tuple, inserting: bool, **attrs) -> _Node:
        new = key not in self.seen
        self.seen.add(key)
        attrs["TransactionType"] = "Insert" if (new and inserting) else "Context"
        return _node(parent, tag, attrs)

    def add(self, entry: AuditEntry) -> None:
        if entry.table == "signatures":
            self._signature(entry)
            return
        target = TARGETS.get(entry.table)
        if target is None:  # identities, users, settings …: never exported as clinical data
            return
        row = entry.new or entry.old
        where = self._locate(entry, row)
        if where is None:
            return
        pid, event, event_key = _kept(where[0]), where[1], _kept(where[2])
        event = event or target.event
        items = self._items(entry, target)
        if entry.action == "UPDATE" and not items:
            return
        subject_new = ("S", pid) not in self.seen
        subject = self._subject(pid)
        if subject is None:
            return
        if subject_new:
            _node(subject, "SiteRef", {"LocationOID": location_oid(entry.site)})
        inserting = entry.action == "INSERT"
        ev_key = ("E", pid, event, event_key)
        ev = self._child(subject, "StudyEventData", ev_key, inserting, StudyEventOID=event,
                         StudyEventRepeatKey=event_key if event in REPEATED_EVENTS else None)
        form = self._child(ev, "FormData", ev_key + (target.form,), inserting, FormOID=target.form)
        group_key = _kept(self._group_key(entry, target, row))
        action = {"INSERT": "Insert", "UPDATE": "Update", "DELETE": "Remove"}[entry.action]
        g_key = ev_key + (target.form, target.group, group_key)
        if entry.action == "INSERT" and g_key in self.seen:
            action = "Update"  # a re-inserted row (never happens today; Upsert is not allowed)
        self.seen.add(g_key)
        if entry.action == "UPDATE":
            group = _node(form, "ItemGroupData", {"ItemGroupOID": target.group, "ItemGroupRepeatKey": group_key,
                                                  "TransactionType": "Context"})
        else:
            group = _node(form, "ItemGroupData", {"ItemGroupOID": target.group, "ItemGroupRepeatKey": group_key,
                                                  "TransactionType": action})
            self._audit_record(group, entry)
        for item, value in items:
            attrs = {"ItemOID": item.oid}
            if value is None:
                attrs["IsNull"] = "Yes"
            else:
                attrs["Value"] = value
            if entry.action == "UPDATE":
                attrs["TransactionType"] = "Update"
            el = _node(group, "ItemData", attrs)
            if entry.action == "UPDATE":
                self._audit_record(el, entry)
        self.stats.transactions += 1
        self.write(_transaction_bytes(subject, entry.seq))

    def _group_key(self, entry: AuditEntry, target: Target, row: Mapping) -> str | None:
        if target.group_key is None:
            return None
        if target.group_key == "id":
            return entry.record_id
        return str(row.get(target.group_key) or entry.record_id)

    def _items(self, entry: AuditEntry, target: Target) -> list[tuple[Item, str | None]]:
        masked = entry.table == "lab_results" and entry.record_id in self.masked
        out = []
        for item in target.items:
            if entry.action == "DELETE":
                break
            if item.column not in entry.new:
                continue
            value = entry.new.get(item.column)
            if entry.action == "UPDATE" and entry.old.get(item.column) == value:
                continue
            if entry.action == "INSERT" and value is None:
                continue
            if masked and item.column in MASKED_COLUMNS:
                self.stats.masked_values += 1
                continue
            if value is not None and item.column in USER_COLUMNS:
                value = user_oid(self.user_names.get(value, value))
            out.append((item, None if value is None else _value(value)))
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
        ev = self._child(subject, "StudyEventData", ev_key, False, StudyEventOID=event,
                         StudyEventRepeatKey=key if event in REPEATED_EVENTS else None)
        holder = ev if form is None else self._child(ev, "FormData", ev_key + (form,), False, FormOID=form)
        el = _Node("Signature", {"ID": f"SIG.{sig.get('id', entry.record_id)}"})
        _node(el, "UserRef", {"UserOID": user_oid(sig.get("username"))})
        _node(el, "LocationRef", {"LocationOID": location_oid(sig.get("site") or entry.site)})
        _node(el, "SignatureRef", {"SignatureOID": self.signature_oids[sig.get("meaning", "")]})
        _node(el, "DateTimeStamp").text = sig.get("signed_at") or entry.at
        holder.children.insert(0, el)  # Signature before data in the XSD sequence: first in its parent
        self.stats.signatures += 1
        self.stats.transactions += 1
        self.write(_transaction_bytes(subject, entry.seq))


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
