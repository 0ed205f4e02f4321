"""The recovery-key sheet printed at set-up, to be locked away (reportlab platypus, A4)."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from trialdesk.domain.keys import format_recovery_key, key_checksum
from trialdesk.printouts import fonts


def recovery_sheet_pdf(*, study: str, site_code: str, site_name: str, store_id: str, key: bytes,
                       created_at: str, created_by: str) -> bytes:
    """PDF bytes of the recovery-key sheet: study, site, store id, date, key in groups, checksum."""
    fonts.register()
    body = ParagraphStyle("body", fontName=fonts.SANS, fontSize=10.5, leading=14)
    title = ParagraphStyle("title", parent=body, fontName=fonts.SANS_BOLD, fontSize=16, leading=20)
    head = ParagraphStyle("head", parent=body, fontName=fonts.SANS_BOLD, fontSize=12, leading=16,
                          spaceBefore=6)
    keystyle = ParagraphStyle("key", parent=body, fontName=fonts.MONO, fontSize=15, leading=22)

    groups = format_recovery_key(key).split(" ")
    key_rows = [[Paragraph(" ".join(groups[i:i + 4]), keystyle)] for i in range(0, 16, 4)]
    facts = [
        ["Study / Studie", study],
        ["Site / Studiested", f"{site_name} ({site_code})"],
        ["Store id / Database-id", store_id],
        ["Created (UTC) / Opprettet", created_at[:19].replace("T", " ")],
        ["Set up by / Satt opp av", created_by],
    ]
    story = [
        Paragraph("TrialDesk — recovery key / gjenopprettingsnøkkel", title),
        Spacer(1, 4 * mm),
        Paragraph("CONFIDENTIAL. Whoever holds this key can read every record in this store. "
                  "Lock this sheet away (e.g. in the site's safe); do not copy, photograph or e-mail it.",
                  ParagraphStyle("warn", parent=body, fontName=fonts.SANS_BOLD, textColor=colors.darkred)),
        Spacer(1, 4 * mm),
        _table([[Paragraph(a, body), Paragraph(b, body)] for a, b in facts], [60 * mm, 110 * mm]),
        Spacer(1, 6 * mm),
        Paragraph("Recovery key (64 hexadecimal digits)", head),
        _table(key_rows, [170 * mm], boxed=True),
        Spacer(1, 2 * mm),
        Paragraph(f"Checksum / kontrollsum: <font name='{fonts.MONO}' size='14'>{key_checksum(key)}</font>",
                  body),
        Spacer(1, 6 * mm),
        Paragraph("When is it needed?", head),
        Paragraph("When TrialDesk says the key of this store is not in the computer's keychain: after a new "
                  "workstation, a reinstalled operating system, a changed Windows profile, or when restoring "
                  "a backup on another computer.", body),
        Paragraph("How to use it", head),
        Paragraph("1. In TrialDesk, choose <i>Enter recovery key</i> when asked, or run "
                  "<font name='TDMono'>trialdesk recover</font>. 2. Type the 16 groups, then the checksum "
                  "(spaces do not matter). 3. TrialDesk checks the key against the store and puts it back in "
                  "the keychain.", body),
        Paragraph("Without TrialDesk, the store is a standard SQLCipher 4 database: open trialdesk.db with "
                  "any SQLCipher 4 client using the raw key "
                  "<font name='TDMono'>PRAGMA key = \"x'&lt;64 digits&gt;'\";</font> (default SQLCipher 4 "
                  "settings).", body),
        Spacer(1, 8 * mm),
        Paragraph("Norsk: Oppbevar arket innelåst. Nøkkelen trengs når databasens nøkkel ikke finnes i "
                  "maskinens nøkkelring (ny maskin, ny brukerprofil, gjenoppretting av sikkerhetskopi). "
                  "Skriv inn de 16 gruppene og kontrollsummen i TrialDesk eller med «trialdesk recover».", body),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title="TrialDesk recovery key", author="TrialDesk", subject=store_id)
    doc.build(story)
    return buffer.getvalue()


def _table(rows, widths, boxed: bool = False) -> Table:
    table = Table(rows, colWidths=widths)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if boxed:
        style += [("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                  ("LEFTPADDING", (0, 0), (-1, -1), 10)]
    else:
        style += [("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey)]
    table.setStyle(TableStyle(style))
    return table
