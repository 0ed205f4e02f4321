"""The one audit reader: a participant's (or one record's) audit rows as people read them.

Every consumer of the audit trail — the History tab, the visit screens' change lines, the casebook's audit
trail and the visit summary's corrections — reads it here, so each reads the same words and the same masking:

- record and field names from the record registry (:mod:`trialdesk.domain.records`), in the reader's language
  (Bokmål from the screens' catalogue through :func:`trialdesk.services.words.translate`);
- values as words: codes as their words, yes/no, user ids as "Full Name (username)", numbers with the decimal
  comma in Bokmål, dates 26.11.2026, moments as Oslo time with the offset (:mod:`trialdesk.services.formats`);
  references to other records as those records' names; never a raw column name, id, or UTC stamp;
- masking: for blinded roles the masked fields of lab results sampled after the first dose read as the masked
  word (old and new), while who changed them, when and why stay visible; identity values read as hidden to
  roles that may not see identities; redacted columns (the password hash) are never listed.

The reader runs no SQL of its own: the repository functions are in :mod:`trialdesk.db.history`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Iterable

from trialdesk.clock import parse_utc
from trialdesk.db import history as repo
from trialdesk.db.connection import Store
from trialdesk.domain import records
from trialdesk.domain.labs import unit_label
from trialdesk.domain.people import User
from trialdesk.domain.records import Field, Kind, Record
from trialdesk.services import formats, words
from trialdesk.services import screening as screening_service
from trialdesk.services import visits as visits_service
from trialdesk.services.permissions import Action, allowed, require

__all__ = ["Line", "ReadRecord", "lines", "lines_by_record", "read_records", "record_lines", "word"]

Key = tuple[str, str]


# The reasons TrialDesk itself writes into the audit trail (stored in English, as every audit row is): shown in
# the reader's language. A person's own reason is shown as written.
_REASON = "AuditReasons"
SYSTEM_REASONS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"informed consent recorded"), words.QT_TRANSLATE_NOOP(_REASON, "informed consent recorded")),
    (re.compile(r"SAE reported to the sponsor"), words.QT_TRANSLATE_NOOP(_REASON, "SAE reported to the sponsor")),
    (re.compile(r"password changed by the user"), words.QT_TRANSLATE_NOOP(_REASON, "password changed by the user")),
    (re.compile(r"eligibility decision signed: eligible"),
     words.QT_TRANSLATE_NOOP(_REASON, "eligibility decision signed: eligible")),
    (re.compile(r"eligibility decision signed: not eligible"),
     words.QT_TRANSLATE_NOOP(_REASON, "eligibility decision signed: not eligible")),
    (re.compile(r"dose (?P<code>\w+) given"), words.QT_TRANSLATE_NOOP(_REASON, "dose {code} given")),
    (re.compile(r"(?P<code>\w+) blood tests entered"), words.QT_TRANSLATE_NOOP(_REASON, "{code} blood tests entered")),
    # the course's events TrialDesk records itself (services/visits/dosing.py, contacts.py)
    (re.compile(r"first dose \((?P<code>\w+)\) given"), words.QT_TRANSLATE_NOOP(_REASON, "first dose ({code}) given")),
    (re.compile(r"last dose \((?P<code>\w+)\) given"), words.QT_TRANSLATE_NOOP(_REASON, "last dose ({code}) given")),
    (re.compile(r"end of study: completion confirmed and signed by the investigator"),
     words.QT_TRANSLATE_NOOP(_REASON, "end of study: completion confirmed and signed by the investigator")),
)


def system_reason(reason: str, language: str) -> str:
    """``reason`` in ``language`` when TrialDesk wrote it ("informed consent recorded"); else as written."""
    for pattern, source in SYSTEM_REASONS:
        match = pattern.fullmatch(reason)
        if match:
            return words.translate(_REASON, source, language).format(**match.groupdict())
    return reason


@dataclass(frozen=True)
class Line:
    """One field of one audit row as a person reads it (or one line for a print of a record).

    ``at``, ``who``, ``action``, ``record``, ``field``, ``old``, ``new`` and ``reason`` are text in the reader's
    language. ``when`` (an aware datetime) orders lines; ``operation`` (INSERT, UPDATE, DELETE, PRINT), ``source``
    and ``column`` (the registry's declarations) let a screen find the widget a line is about; ``names`` are the
    worded parts of the record's name (("D1", "IgG") for "Blood result D1 IgG")."""

    seq: int
    when: datetime
    at: str
    username: str
    who: str
    operation: str
    action: str
    source: Record
    record: str
    names: tuple[str, ...]
    column: Field | None
    field: str
    old: str
    new: str
    reason: str
    masked: bool = False


def word(text: str, language: str) -> str:
    """A registry word (English source) in ``language``."""
    return words.translate(records.CONTEXT, text, language)


class _Reader:
    def __init__(self, store: Store, user: User, participant_id: str, language: str):
        require(user, Action.VIEW_CLINICAL)  # administrators audit the store, not clinical values
        self.language = words.check_language(language)
        self.db = store.db
        self.show_identity = allowed(user, Action.VIEW_IDENTITY)
        self.masked_ids = visits_service.masked_result_ids(store, user, participant_id)
        self.names = repo.record_names(store.db, participant_id)
        self.users = repo.user_names(store.db)
        self.by_username = {name: full for full, name in self.users.values()}
        self.site = store.info.site_code
        self.proto = screening_service.protocol()

    def w(self, text: str) -> str:
        return word(text, self.language)

    # --- names -----------------------------------------------------------------------------------------

    def name_parts(self, rec: Record, rid: str, old: dict, new: dict) -> tuple[str, ...]:
        keys = dict(self.names.get((rec.table, rid or ""), {}))
        row = new or old
        fallback = {"dose": row.get("dose_code"), "analyte": row.get("analyte"), "drug": row.get("drug"),
                    "criterion": row.get("criterion_id"), "code": row.get("code") or row.get("visit_code"), "study_id": row.get("study_id"),
                    "username": row.get("username"), "key": row.get("key")}
        parts = []
        for key in rec.naming:
            value = keys.get(key) or fallback.get(key)
            if value:
                parts.append(self.name_word(key, str(value)))
        return tuple(parts)

    def name_word(self, key: str, value: str) -> str:
        if key == "analyte":
            return self.vocabulary("analyte", value)
        if key == "drug":
            return self.vocabulary("premedication", value)
        return value

    def record_name(self, rec: Record, parts: tuple[str, ...]) -> str:
        return " ".join((self.w(rec.label), *parts))

    def reference(self, table: str | None, rid: str) -> str:
        if not table or table not in records.RECORDS:
            return ""
        rec = records.record(table)
        return self.record_name(rec, self.name_parts(rec, rid, {}, {}))

    # --- values ----------------------------------------------------------------------------------------

    def vocabulary(self, name: str, code: str) -> str:
        nb = self.language == "nb"
        if name == "analyte":
            try:
                lab = self.proto.lab(code)
            except KeyError:
                return code
            return lab.symbol_nb if nb else lab.symbol
        if name == "premedication":
            for p in self.proto.pre_dose.premedication:
                if p.code == code:
                    return p.label_nb if nb else p.label_en
            return code
        if name == "ae_term":
            try:
                term = self.proto.ae_term(code)
            except KeyError:
                return code.replace("_", " ")
            return term.term_nb if nb else term.term_en
        if name == "ctcae_term":
            return code.replace("_", " ")
        if name == "unit":
            return unit_label(code)
        if name == "criteria":
            try:
                ids = json.loads(code)
            except ValueError:
                return code
            return ", ".join(str(i) for i in ids) if isinstance(ids, list) else code
        if name == "signature_meaning":
            base, sep, rest = code.partition(": ")
            return words.translate("signatures", base, self.language) + sep + rest
        if name == "record_kind":
            return self.w(records.record(code).label) if code in records.RECORDS else code
        return code  # criterion ids read as themselves (E3)

    def value(self, f: Field, value, row: dict) -> str:
        if value is None or value == "":
            return ""
        kind = f.kind
        if kind is Kind.BOOL:
            return self.w(records.YES_NO["yes" if value else "no"])
        if kind is Kind.DATE:
            try:
                return formats.day(value)
            except ValueError:
                return str(value)
        if kind is Kind.MOMENT:
            try:
                return formats.moment(str(value), self.language)
            except ValueError:
                return str(value)
        if kind in (Kind.NUMBER, Kind.INTEGER):
            return self.number(value)
        if kind is Kind.CODE:
            if f.codes and str(value) in f.codes:
                return self.w(f.codes[str(value)])
            if f.vocabulary:
                return self.vocabulary(f.vocabulary, str(value))
            return str(value).replace("_", " ")
        if kind is Kind.USER:
            full, username = self.users.get(str(value), ("", ""))
            return f"{full} ({username})" if username else ""
        if kind is Kind.REFERENCE:
            table = f.references or row.get("record_table")
            return self.reference(table, str(value))
        if f.column == "reason":  # a course event's reason TrialDesk wrote ("first dose (D1) given"), translated
            return system_reason(str(value), self.language)
        return str(value)

    def number(self, value) -> str:
        if isinstance(value, bool):
            return self.w(records.YES_NO["yes" if value else "no"])
        if isinstance(value, (int, float)):
            return formats.number(value, self.language)
        text = str(value).strip()
        try:
            Decimal(text.replace(",", "."))
        except InvalidOperation:
            return text  # not a number as typed ("<5"): shown as typed
        return formats.number(text.replace(",", "."), self.language)

    # --- rows ------------------------------------------------------------------------------------------

    def lines(self, rows: Iterable[repo.AuditRow]) -> list[tuple[str, Line]]:
        out: list[tuple[str, Line]] = []
        for row in rows:
            rec = records.RECORDS.get(row.table_name or "")
            if rec is None:
                continue
            old = json.loads(row.old_values) if row.old_values else {}
            new = json.loads(row.new_values) if row.new_values else {}
            rid = row.record_id or ""
            # By the account's id: an imported change's user name may be taken here by someone else.
            known = self.users.get(row.user_id or "") if row.user_id else None
            full = known[0] if known else self.by_username.get(row.username or "", "")
            when = parse_utc(row.at)
            who = f"{full} ({row.username})" if full else (row.username or "")
            if row.site and row.site != self.site:  # made at another workstation, received in a bundle
                who += ", " + self.w(records.AT_SITE).format(site=row.site)
            base = dict(seq=row.seq, when=when, at=formats.moment(row.at, self.language), username=row.username or "",
                        who=who, operation=row.action,
                        source=rec, reason=system_reason(row.reason or "", self.language))
            if row.action in records.EVENTS:
                parts = self.name_parts(rec, rid, {}, {})
                document = str(new.get("document", ""))
                doc_word = self.w(records.DOCUMENTS[document]) if document in records.DOCUMENTS else ""
                out.append((rid, Line(**base, action=self.w(records.EVENTS[row.action]),
                                      record=self.record_name(rec, parts), names=parts, column=None, field=doc_word,
                                      old="", new=f"{new.get('pages', '?')} {self.w(records.PAGES)}, sha256 "
                                                  f"{str(new.get('sha256', ''))[:16]}…")))
                continue
            if row.action not in records.ACTIONS:
                continue
            parts = self.name_parts(rec, rid, old, new)
            name = self.record_name(rec, parts)
            masked_row = rec.table == "lab_results" and rid in self.masked_ids
            for f in rec.fields:
                if not f.shown or (f.column not in old and f.column not in new):
                    continue
                before, after = old.get(f.column), new.get(f.column)
                if row.action == "UPDATE" and before == after:
                    continue
                if row.action == "INSERT" and after is None:
                    continue
                if row.action == "DELETE" and before is None:
                    continue
                old_text, new_text = self.value(f, before, old), self.value(f, after, new)
                masked = masked_row and f.masked
                if masked:
                    old_text = self.w(records.MASKED) if old_text else ""
                    new_text = self.w(records.MASKED) if new_text else ""
                if (f.identity or rec.identity) and not self.show_identity:
                    old_text = self.w(records.HIDDEN_VALUE) if old_text else ""
                    new_text = self.w(records.HIDDEN_VALUE) if new_text else ""
                out.append((rid, Line(**base, action=self.w(records.ACTIONS[row.action]), record=name, names=parts,
                                      column=f, field=self.w(f.label), old=old_text, new=new_text, masked=masked)))
        return out


def lines(store: Store, user: User, participant_id: str, *, language: str = "en",
          identities: bool = True) -> list[Line]:
    """Every audit line of the participant's records, oldest first (``identities=False`` leaves the identity
    record out altogether, as the casebook does)."""
    reader = _Reader(store, user, participant_id, language)
    rows = repo.participant_rows(store.db, participant_id, identities=identities)
    return [line for _, line in reader.lines(rows)]


def lines_by_record(store: Store, user: User, participant_id: str, keys: Iterable[Key], *,
                    language: str = "en") -> dict[Key, list[Line]]:
    """The audit lines of the given records of one participant, by (table, record id), oldest first."""
    keys = list(dict.fromkeys(keys))
    reader = _Reader(store, user, participant_id, language)
    out: dict[Key, list[Line]] = {k: [] for k in keys}
    for rid, line in reader.lines(repo.rows_for(store.db, keys)):
        out.setdefault((line.source.table, rid), []).append(line)
    return out


def record_lines(store: Store, user: User, table: str, record_id: str, *, language: str = "en") -> list[Line]:
    """The audit lines of one record (its participant found through the registry's parent keys)."""
    participant_id = repo.participant_of(store.db, table, record_id)
    if participant_id is None:
        require(user, Action.VIEW_CLINICAL)
        return []
    return lines_by_record(store, user, participant_id, [(table, record_id)], language=language)[(table, record_id)]


@dataclass(frozen=True)
class ReadRecord:
    """One stored record as a person reads it: its name ("Contact PH1") and (label, value) of every shown
    column with a value, in the registry's order, masked and hidden as the user's role requires."""

    table: str
    record_id: str
    name: str
    pairs: tuple[tuple[str, str], ...]

    def value(self, label: str) -> str:
        return dict(self.pairs).get(label, "")


def read_records(store: Store, user: User, participant_id: str, table: str, rows: Iterable[dict], *,
                 language: str = "en", columns: Iterable[str] | None = None,
                 skip: Iterable[str] = ()) -> list[ReadRecord]:
    """Stored rows of ``table`` (a record of the registry) worded as the History tab words them: the same labels,
    code words, dates, users and references; a blinded role gets "masked" for masked values, a role that may not
    see identities "(hidden)". ``columns`` picks and orders the columns (default: every shown one); ``skip``
    leaves some out; empty values are left out."""
    reader = _Reader(store, user, participant_id, language)
    rec = records.record(table)
    chosen = list(columns) if columns is not None else [f.column for f in rec.fields if f.shown]
    chosen = [c for c in chosen if c not in set(skip)]
    out = []
    for row in rows:
        rid = str(row.get("id", ""))
        masked_row = table == "lab_results" and rid in reader.masked_ids
        pairs = []
        for column in chosen:
            f = rec.field(column)
            text = reader.value(f, row.get(column), row)
            if not text:
                continue
            if masked_row and f.masked:
                text = reader.w(records.MASKED)
            elif f.unit and f.kind in (Kind.NUMBER, Kind.INTEGER) and f.unit not in f.label:
                text = f"{text} {unit_label(f.unit)}"  # "36,7 °C", "124 mmHg" (a label may name its unit itself)
            if (f.identity or rec.identity) and not reader.show_identity:
                text = reader.w(records.HIDDEN_VALUE)
            pairs.append((reader.w(f.label), text))
        out.append(ReadRecord(table, rid, reader.record_name(rec, reader.name_parts(rec, rid, row, row)),
                              tuple(pairs)))
    return out
