"""Plain, frozen data the printouts render (no Qt, no SQL): services build these, printouts draw them.

Every text here is already what the reader should see (dates formatted, masked values replaced by
their masked wording); the printouts only lay it out. Pairs are ``(label, value)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

Pair = tuple[str, str]


@dataclass(frozen=True)
class DocumentHeader:
    """What every page shows. ``printed_at_local`` is already formatted (Europe/Oslo with offset).

    ``words`` are the page template's and the documents' own words (headings, column titles, "Page {page}
    of {count}") by key, in ``language``: the services take them from the screens' catalogue
    (``trialdesk.services.printout_words``); the printouts only place them.

    ``audit_seal``: the store's audit-chain head when it was printed (``4711·3fa9c2d81b07``, issue 14 point 2),
    printed in every page's footer so that paper witnesses the chain; empty: none printed.
    """

    study: str
    site: str
    study_id: str
    title: str
    version: str
    printed_at_local: str
    printed_by: str
    language: str = "en"
    words: Mapping[str, str] = field(default_factory=dict)
    audit_seal: str = ""


@dataclass(frozen=True)
class SignatureBlock:
    """An e-signature as printed (§11.50): ``manifestation`` is name, UTC time and meaning.

    ``valid`` False means the signed content changed afterwards; None means not checked.
    """

    manifestation: str
    valid: bool | None = None


@dataclass(frozen=True)
class ConsentSection:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ConsentFormData:
    """The information letter and consent form for signature, from a versioned template.

    ``placeholder`` is the banner shown on every page when the text is not the approved one.
    """

    header: DocumentHeader
    form_title: str
    consent_version: str
    template_language: str
    sections: tuple[ConsentSection, ...]
    declaration: str
    investigator_declaration: str
    placeholder: str | None = None


@dataclass(frozen=True)
class CriterionLine:
    """One eligibility criterion: id, category, the protocol text, its status and why."""

    id: str
    category: str
    text: str
    status: str
    explanation: str


@dataclass(frozen=True)
class ScreeningSummaryData:
    header: DocumentHeader
    facts: tuple[Pair, ...]
    criteria: tuple[CriterionLine, ...]
    verdict: str
    protocol_version: str
    signature: SignatureBlock | None
    eligible: bool = False  # the verdict is "eligible" (printed in green, else red)


@dataclass(frozen=True)
class LabLine:
    """A result as this reader may see it; a masked result carries only ``safety``."""

    analyte: str
    sampled_at: str
    entered: str
    canonical: str
    flag: str
    ctcae: str
    safety: str
    masked: bool = False


@dataclass(frozen=True)
class AeLine:
    term: str
    verbatim: str
    onset: str
    end: str
    grade: str
    serious: str
    causality: str
    outcome: str


@dataclass(frozen=True)
class VisitSummaryData:
    header: DocumentHeader
    visit: tuple[Pair, ...]
    labs: tuple[LabLine, ...]
    go_verdict: str
    go_lines: tuple[tuple[bool, str], ...]
    go_notes: tuple[Pair, ...]
    premedication: tuple[Pair, ...]
    administration: tuple[Pair, ...]
    adverse_events: tuple[AeLine, ...]
    next_visit: str
    signatures: tuple[SignatureBlock, ...] = ()
    corrections: tuple["AuditLine", ...] = ()  # saved values of this visit changed later, with the reason


@dataclass(frozen=True)
class SaeReportData:
    """The sponsor's SAE form pre-filled: sections of (label, value); empty value = to fill by hand."""

    header: DocumentHeader
    sections: tuple[tuple[str, tuple[Pair, ...]], ...]
    deadline_note: str


@dataclass(frozen=True)
class Table:
    """A titled table for the casebook: ``columns`` and ``rows`` of text; ``marked`` row indexes
    are values changed after signing."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    marked: frozenset[int] = field(default_factory=frozenset)
    widths: tuple[float, ...] | None = None  # fractions of the frame width


@dataclass(frozen=True)
class CasebookSection:
    title: str
    pairs: tuple[Pair, ...] = ()
    tables: tuple[Table, ...] = ()
    signatures: tuple[SignatureBlock | None, ...] = ()  # None: "NOT SIGNED"
    note: str = ""


@dataclass(frozen=True)
class AuditLine:
    """One changed field from the audit trail, readable: who, when, what, old → new, why."""

    at_local: str
    username: str
    action: str
    record: str
    field: str
    old: str
    new: str
    reason: str
    after_signing: bool = False


@dataclass(frozen=True)
class CasebookData:
    header: DocumentHeader
    sections: tuple[CasebookSection, ...]
    audit: tuple[AuditLine, ...]
    legend: str = ""


@dataclass(frozen=True)
class PairingSide:
    """One workstation on the pairing card: a heading, its facts (study, site, store id …), its fingerprint, and its
    site as the signature block names it."""

    heading: str
    facts: tuple[Pair, ...]
    fingerprint: str
    site: str


@dataclass(frozen=True)
class PairingCardData:
    """The pairing card (issue 12): this workstation and, when given, the paired one, each with its fingerprint
    in large type, and per workstation the lines where the person who compared the fingerprints signs."""

    header: DocumentHeader
    intro: str
    fingerprint_label: str
    sides: tuple[PairingSide, ...]
    confirmation: str  # "… compared … at {site}", filled with each side's site
    signature_rows: tuple[str, ...]


@dataclass(frozen=True)
class PdfDocument:
    """Rendered PDF bytes and the number of pages."""

    data: bytes
    pages: int


@dataclass(frozen=True)
class ReconciliationData:
    """The reconciliation report (issue 12, point 6): per participant the digest of the data at this workstation
    and at the paired one (as it reported in its last bundle), marked where they differ; the exchange's figures."""

    header: DocumentHeader
    intro: str
    facts: tuple[tuple[str, str], ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    differing: tuple[int, ...]
    summary: str
    signature_rows: tuple[str, ...]
