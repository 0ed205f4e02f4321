"""What every printout shares: the document's words, dates and numbers (:class:`_Fmt`), the page header, the
print's audit event (:func:`_finish`), the participant, signature blocks, AE terms, and the audit reader's lines."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from trialdesk.clock import utc_now
from trialdesk.db import audit
from trialdesk.db import participants as participants_repo
from trialdesk.db.connection import Store
from trialdesk.domain.explanations import Explanation
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.printouts.model import AuditLine, DocumentHeader, PdfDocument, SignatureBlock
from trialdesk.services import audit_reader, auth, explain, formats, words
from trialdesk.services import printout_words as pw
from trialdesk.services import screening as screening_service
from trialdesk.services.printout_words import PRINTOUTS, label
from trialdesk.services.words import Word

LANGUAGES = ("nb", "en")


# The layout version of each document (the consent form carries its template's version instead).
DOCUMENT_VERSION = {"screening_summary": "1.0", "visit_summary": "1.0", "sae_report": "1.0", "casebook": "1.1", "contact_summary": "1.0",
                    "pairing_card": "1.0", "reconciliation": "1.0"}


def local_stamp(moment: datetime) -> str:
    """``26.11.2026 14:05 (UTC+01:00)``: Europe/Oslo time with its offset (glossary.md)."""
    return formats.moment(moment)


@dataclass(frozen=True)
class _Fmt:
    """Words, dates, times and numbers the way a reader of ``language`` expects (nb: 26.11.2026, 4,9):
    words from the screens' catalogue (:mod:`services.words`), numbers and dates by :mod:`services.formats`."""

    language: str

    def tr(self, text: str, context: str = PRINTOUTS) -> str:
        """``text`` (English source, collected by tools/i18n.py from this call) in the document's language;
        ``context``: a screen's, where the screen shows the same word."""
        return words.translate(context, text, self.language)

    def t(self, en: str, nb: str) -> str:
        """A hand-kept pair: only the audit trail's lines still use it (they are being rewritten apart)."""
        return nb if self.language == "nb" else en

    def word(self, entry: Word) -> str:
        return entry.in_language(self.language)

    def day(self, value) -> str:
        return formats.day(value)

    def moment(self, utc_text: str | None) -> str:
        """A stored UTC timestamp as local time (Europe/Oslo) with the offset."""
        return formats.moment(utc_text, self.language)

    def time(self, utc_text: str | None) -> str:
        return formats.moment(utc_text, self.language, offset=False)

    def num(self, value) -> str:
        return formats.number(value, self.language)

    def typed(self, text: str | None) -> str:
        """A number as it was typed ("8,4" or "8.4"), with the digits kept and the document's decimal sign:
        one decimal sign per document, whichever the keyboard gave."""
        text = (text or "").strip()
        match = re.fullmatch(r"(-?\d+)[.,](\d+)", text)
        if not match:
            return text
        return f"{match.group(1)}{',' if self.language == 'nb' else '.'}{match.group(2)}"

    def sex(self, value) -> str:
        """F / M as the register abbreviates them (K for kvinne in Bokmål)."""
        entry = pw.SEX.get(value or "")
        return self.word(entry) if entry else (value or "")

    def yes_no(self, value) -> str:
        if value is None:
            return ""
        return label("yes", self.language) if value else label("no", self.language)

    def code(self, value, table: Mapping[str, Word] | None = None) -> str:
        """A stored code as a word of the document's language (``table`` or the common one)."""
        if value is None:
            return ""
        entry = (table if table is not None else pw.CODE_WORDS).get(str(value))
        return self.word(entry) if entry else str(value).replace("_", " ")

    def explain(self, explanation: Explanation) -> str:
        """A rule's explanation in the document's language (dates 26.11.2026, nb decimal comma)."""
        return explain.in_language(explanation, self.language)


def heading_case(text: str) -> str:
    """A field label as a column heading: its first letter upper case, the rest as written ("CTCAE term", never
    "Ctcae term")."""
    return text[:1].upper() + text[1:]


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError("Choose the language of the printout: nb or en.", field="language")
    return language


def _header(store: Store, user: User, study_id: str, title: str, version: str, language: str,
            now: datetime | None) -> DocumentHeader:
    proto = screening_service.protocol()
    site_name = store.meta("site_name") or ""
    seq, digest = audit.head(store.db.conn)
    return DocumentHeader(
        study=f"{proto.study_code} — {proto.title_nb if language == 'nb' else proto.title_en}",
        site=f"{site_name} ({store.info.site_code})", study_id=study_id, title=title, version=version,
        printed_at_local=local_stamp(now or utc_now()), printed_by=f"{user.full_name} ({user.username})",
        language=language, words=pw.document_words(language), audit_seal=audit.seal(seq, digest))


def _finish(store: Store, user: User, doc: PdfDocument, *, document: str, table: str, record_id: str,
            study_id: str) -> bytes:
    """Audit the print (content hash and pages, never clinical values) and return the bytes."""
    store.log_event("PRINT", auth.actor(user), table=table, record_id=record_id, detail={
        "document": document, "sha256": hashlib.sha256(doc.data).hexdigest(), "pages": doc.pages,
        "study_id": study_id, "bytes": len(doc.data)})
    return doc.data


def _participant(store: Store, participant_id: str):
    record = participants_repo.get(store.db, participant_id)
    if record is None:
        raise ValidationError("No such participant.")
    return record


def _signature_block(sig, f: _Fmt) -> SignatureBlock | None:
    """An e-signature as printed: who, when in the document's time (Europe/Oslo with its offset, as every other
    time on the page), the meaning in the document's language, and the stored UTC record time (§11.50)."""
    if sig is None:
        return None
    meaning = words.translate("signatures", sig.meaning, f.language)
    recorded = f"{sig.signed_at[:10]}\u00a0{sig.signed_at[11:19]}\u00a0UTC"  # one piece on paper: never wrapped
    text = f.tr("{who}, {at} — {meaning} (record time {utc})").format(
        who=f"{sig.full_name} ({sig.username})", at=f.moment(sig.signed_at), meaning=meaning, utc=recorded)
    return SignatureBlock(text, sig.valid)


def _ae_term(f: _Fmt, proto, ae: dict) -> str:
    try:
        term = proto.ae_term(ae["term"])
        text = term.term_nb if f.language == "nb" else term.term_en
    except KeyError:
        text = ae["term"]
    if ae.get("other_specify"):
        text += f": {ae['other_specify']}"
    return text


def _term_words(f: _Fmt, proto, key: str) -> str:
    """A CTCAE (or protocol) term's name in the document's language; an unknown key as words."""
    try:
        term = proto.ae_term(key)
    except KeyError:
        return key.replace("_", " ")
    return term.term_nb if f.language == "nb" else term.term_en


def _grade_words(f: _Fmt, proto, ae: dict) -> str:
    """ "2 — Moderate pain; limiting instrumental ADL": the grade and its text in the document's language (from the
    CTCAE file, the words the AE dialog shows); the number alone when the term or grade is not known."""
    try:
        return f"{ae['grade']} — {proto.ae_term(ae['term']).grade_text(ae['grade'], f.language)}"
    except (KeyError, ValueError):
        return f"{ae['grade']}"


def _reader_lines(store: Store, user: User, f: _Fmt, participant_id: str,
                  records: list[tuple[str, str]] | None = None) -> list[audit_reader.Line]:
    """The audit reader's lines (the History tab's words) of the participant's clinical records, or of ``records``."""
    if records is None:
        return audit_reader.lines(store, user, participant_id, language=f.language, identities=False)
    by_record = audit_reader.lines_by_record(store, user, participant_id, records, language=f.language)
    return sorted((line for lines in by_record.values() for line in lines), key=lambda line: line.seq)


def _audit_line(line: audit_reader.Line, after_signing: bool = False) -> AuditLine:
    return AuditLine(at_local=line.at, username=line.username, action=line.action, record=line.record,
                     field=line.field, old=line.old, new=line.new, reason=line.reason, after_signing=after_signing)
