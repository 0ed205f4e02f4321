"""The TrialDesk documents: consent form, screening summary, visit summary, SAE report, casebook, pairing card.

Each function takes the plain data of :mod:`trialdesk.printouts.model` and returns a
:class:`PdfDocument` laid out with the shared page template of :mod:`trialdesk.printouts.layout`.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from trialdesk.printouts import fonts
from trialdesk.printouts.layout import (
    FRAME_WIDTH,
    build,
    esc,
    grid_table,
    p,
    pairs_table,
    signature_flowables,
    spacer,
    styles,
)
from trialdesk.printouts.model import (
    CasebookData,
    ConsentFormData,
    PairingCardData,
    PdfDocument,
    ReconciliationData,
    SaeReportData,
    ScreeningSummaryData,
    VisitSummaryData,
)


def _title(text: str, subtitle: str = "") -> list:
    st = styles()
    out = [p(text, st.title)]
    if subtitle:
        out.append(p(subtitle, st.small))
    out.append(spacer(2))
    return out


# --- consent form -----------------------------------------------------------------------------------

def _signature_lines(rows: list[str]) -> Table:
    st = styles()
    data = [[p(text, st.small), ""] for text in rows]
    table = Table(data, colWidths=[FRAME_WIDTH * 0.36, FRAME_WIDTH * 0.64], rowHeights=[11 * mm] * len(rows))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def consent_form(data: ConsentFormData) -> PdfDocument:
    """The information letter and consent form for signature (template text, signature lines)."""
    st = styles()
    words = data.header.words
    story = _title(data.form_title)
    story.append(pairs_table([(words["study_id"], data.header.study_id),
                              (words["form_version"], f"{data.consent_version} ({data.template_language})")]))
    story.append(spacer(3))
    for section in data.sections:
        block = [p(section.heading, st.h2)]
        block += [p(text, st.body) for text in section.paragraphs[:1]]
        story.append(KeepTogether(block))
        story += [p(text, st.body) for text in section.paragraphs[1:]]
    story.append(CondPageBreak(95 * mm))
    story.append(p(words["declaration"], st.h1))
    story.append(p(data.declaration, st.body))
    story.append(spacer(2))
    story.append(_signature_lines([words["place_date"], words["participant_sig"], words["block_letters"]]))
    story.append(spacer(6))
    story.append(KeepTogether([
        p(words["investigator"], st.h1), p(data.investigator_declaration, st.body), spacer(2),
        _signature_lines([words["place_date"], words["investigator_sig"], words["role"]]),
    ]))
    return build(data.header, story, banner=data.placeholder)


# --- screening summary ----------------------------------------------------------------------------------

def screening_summary(data: ScreeningSummaryData) -> PdfDocument:
    """Every criterion with its status and the numbers used, the verdict and the e-signature."""
    st = styles()
    words = data.header.words
    story = _title(data.header.title, f"{data.header.study_id} · {words['protocol']} {data.protocol_version}")
    story.append(p(words["facts"], st.h1))
    story.append(pairs_table(data.facts))
    story.append(p(words["criteria"], st.h1))
    rows = [(c.id, c.text, c.status, c.explanation) for c in data.criteria]
    story.append(grid_table([words["id"], words["criterion"], words["status"], words["numbers_used"]],
                            rows, widths=(0.06, 0.44, 0.13, 0.37), bold_first=True))
    story.append(KeepTogether([
        p(words["verdict"], st.h1),
        p(data.verdict, st.ok if data.eligible else st.warn),
        p(words["signature"], st.h1),
        *signature_flowables(data.signature, words),
    ]))
    return build(data.header, story)


# --- visit summary ----------------------------------------------------------------------------------------

def visit_summary(data: VisitSummaryData) -> PdfDocument:
    """One dose visit: labs (masked stay masked), go / no-go, administration, AEs, next visit."""
    st = styles()
    words = data.header.words
    story = _title(data.header.title)
    story.append(pairs_table(data.visit))
    story.append(p(words["labs"], st.h1))
    rows = [(lab.analyte, lab.sampled_at, lab.entered, lab.canonical, lab.flag, lab.ctcae, lab.safety)
            for lab in data.labs]
    story.append(grid_table(
        [words[k] for k in ("analyte", "sampled", "entered", "canonical", "flag", "ctcae", "safety")],
        rows, bold_first=True))  # widths fitted: no analyte ("Nøytrofile granulocytter") broken inside a word
    story.append(p(f"{words['go_no_go']}: {data.go_verdict}", st.h1))
    go_rows = [("✓" if ok else "✗", text) for ok, text in data.go_lines]
    if data.go_notes:  # how the checks were made, above them (read first)
        story.append(pairs_table(data.go_notes))
        story.append(spacer(1))
    if go_rows:
        story.append(grid_table(["", ""], go_rows, widths=(0.05, 0.95)))
    for sig in data.signatures:
        story.append(KeepTogether(signature_flowables(sig, words)))
    story.append(p(words["premedication"], st.h1))
    story.append(pairs_table(data.premedication or [(words["none"], "")]))
    story.append(p(words["administration"], st.h1))
    story.append(pairs_table(data.administration or [(words["none"], "")]))
    story.append(p(words["adverse_events"], st.h1))
    ae_rows = [(a.term, a.verbatim, a.onset, a.end, a.grade, a.serious, a.causality, a.outcome)
               for a in data.adverse_events]
    story.append(grid_table([words[k] for k in ("term", "verbatim", "onset", "end", "grade", "serious",
                                                       "causality", "outcome")],
                            ae_rows))  # widths fitted: no heading ("Årsakssammenheng") broken inside the word
    story.append(p(words["next_visit"], st.h1))
    story.append(p(data.next_visit))
    if data.corrections:
        story.append(p(words["corrections"], st.h1))
        story.append(_audit_table(data.corrections, words))
    return build(data.header, story)


# --- SAE report ----------------------------------------------------------------------------------------------

def sae_report(data: SaeReportData) -> PdfDocument:
    """The SAE form pre-filled from the AE; fields TrialDesk does not hold are left blank to fill by hand."""
    st = styles()
    story = _title(data.header.title)
    story.append(Paragraph(esc(data.deadline_note), st.warn))
    for heading, pairs in data.sections:
        table = pairs_table(pairs, label_width=0.38, blank_height=9 * mm)
        story.append(KeepTogether([p(heading, st.h1), table]))
    return build(data.header, story)


# --- casebook ----------------------------------------------------------------------------------------------

def casebook(data: CasebookData) -> PdfDocument:
    """Every form, every value, the signatures and the readable audit trail of one participant."""
    st = styles()
    words = data.header.words
    story = _title(data.header.title, data.legend)
    for section in data.sections:
        story.append(CondPageBreak(30 * mm))
        story.append(p(section.title, st.h1))
        if section.note:
            story.append(p(section.note, st.small))
        if section.pairs:
            story.append(pairs_table(section.pairs))
        for table in section.tables:
            if table.title:
                story.append(p(table.title, st.h2))
            story.append(grid_table(table.columns, table.rows, widths=table.widths, marked=table.marked))
            story.append(spacer(1))
        for sig in section.signatures:
            story.append(KeepTogether([spacer(1), *signature_flowables(sig, words)]))
    story.append(PageBreak())
    story.append(p(words["audit"], st.h1))
    story.append(_audit_table(data.audit, words))
    return build(data.header, story)


def _audit_table(lines, words):
    """Audit lines as a table: when / who, record / field, old → new (marked when after signing), reason."""
    marked = frozenset(i for i, a in enumerate(lines) if a.after_signing)
    rows = []
    for a in lines:
        change = f"{a.old} → {a.new}" if a.old else a.new
        if a.after_signing:
            change += f"  [{words['after_signing']}]"
        rows.append((f"{a.at_local}\n{a.username}", f"{a.action} {a.record}\n{a.field}", change, a.reason))
    return grid_table([f"{words['when']} / {words['who']}",
                       f"{words['record']} / {words['field']}", words["old_new"],
                       words["why"]],
                      rows, widths=(0.14, 0.22, 0.46, 0.18), marked=marked)


# --- pairing card --------------------------------------------------------------------------------------

def pairing_card(data: PairingCardData) -> PdfDocument:
    """The pairing card: each workstation's facts and fingerprint (large, monospaced, boxed) and the lines where
    the person at each site signs that the fingerprints were compared and found equal."""
    st = styles()
    story = _title(data.header.title)
    story.append(p(data.intro, st.body))
    story.append(spacer(3))
    mono = st.body.clone("fingerprint", fontName=fonts.MONO, fontSize=15, leading=21)
    for side in data.sides:
        box = Table([[p(data.fingerprint_label, st.cell_bold)], [p(side.fingerprint, mono)]],
                    colWidths=[FRAME_WIDTH])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        story.append(KeepTogether([p(side.heading, st.h1), pairs_table(side.facts), spacer(2), box]))
        story.append(spacer(3))
    for side in data.sides:
        story.append(KeepTogether([p(data.confirmation.format(site=side.site), st.h2),
                                   _signature_lines(list(data.signature_rows)), spacer(4)]))
    return build(data.header, story)


def reconciliation_report(data: ReconciliationData) -> PdfDocument:
    """The reconciliation report: what was compared, one row per participant (digests here and there, equal or
    not; differing rows marked), the summary and the monitor's signature lines."""
    st = styles()
    story = _title(data.header.title)
    story.append(p(data.intro, st.body))
    story.append(spacer(2))
    story.append(pairs_table(data.facts))
    story.append(spacer(3))
    story.append(grid_table(list(data.columns), [list(r) for r in data.rows], marked=data.differing))
    story.append(spacer(3))
    story.append(p(data.summary, st.h2))
    story.append(KeepTogether([spacer(4), _signature_lines(list(data.signature_rows))]))
    return build(data.header, story)
