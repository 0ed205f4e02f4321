"""The one page template every TrialDesk printout uses: A4, embedded DejaVu fonts, a header with
study, site, participant, document title and version, and a footer with printed at / by and
"page X of Y" (a canvas that counts the pages before drawing the footers).

Also the shared styles and table helpers. The words come with the data (``DocumentHeader.words``, from
the screens' catalogue): nothing here knows a language.
"""

from __future__ import annotations

import io
from typing import Iterable, Mapping, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from trialdesk.printouts import fonts
from trialdesk.printouts.model import DocumentHeader, PdfDocument

PAGE = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X

def esc(text: object) -> str:
    """Text for a Paragraph: XML-escaped, line breaks kept."""
    return escape("" if text is None else str(text)).replace("\n", "<br/>")


class Styles:
    """The paragraph styles of every printout (fonts registered on first use)."""

    def __init__(self) -> None:
        fonts.register()
        self.body = ParagraphStyle("body", fontName=fonts.SANS, fontSize=9.5, leading=12.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8.5, leading=10.5)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=fonts.SANS_BOLD)
        self.title = ParagraphStyle("title", parent=self.body, fontName=fonts.SANS_BOLD, fontSize=15,
                                    leading=19, spaceAfter=4)
        self.h1 = ParagraphStyle("h1", parent=self.body, fontName=fonts.SANS_BOLD, fontSize=12, leading=15,
                                 spaceBefore=8, spaceAfter=3)
        self.h2 = ParagraphStyle("h2", parent=self.body, fontName=fonts.SANS_BOLD, fontSize=10, leading=13,
                                 spaceBefore=6, spaceAfter=2)
        self.warn = ParagraphStyle("warn", parent=self.body, fontName=fonts.SANS_BOLD,
                                   textColor=colors.HexColor("#a00000"))
        self.ok = ParagraphStyle("ok", parent=self.body, fontName=fonts.SANS_BOLD,
                                 textColor=colors.HexColor("#006000"))


_STYLES: Styles | None = None


def styles() -> Styles:
    global _STYLES
    if _STYLES is None:
        _STYLES = Styles()
    return _STYLES


def p(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped)."""
    return Paragraph(esc(text), style or styles().body)


def pairs_table(rows: Iterable[tuple[str, str]], label_width: float = 0.32, marked: Iterable[int] = (),
                blank_height: float | None = None) -> Table:
    """Label / value rows with thin rules; ``marked`` rows get a yellow background; with
    ``blank_height`` rows without a value are that tall (room to write by hand)."""
    st = styles()
    rows = list(rows)
    data = [[p(a, st.cell_bold), p(b, st.cell)] for a, b in rows]
    heights = [blank_height if (blank_height and not b) else None for _, b in rows]
    if not data:
        data, heights = [[p("—", st.cell), p("", st.cell)]], [None]
    table = Table(data, colWidths=[FRAME_WIDTH * label_width, FRAME_WIDTH * (1 - label_width)],
                  rowHeights=heights)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
             ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    style += [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff3b0")) for i in marked]
    table.setStyle(TableStyle(style))
    return table


def fitted_widths(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> list[float]:
    """Column widths (fractions of the frame) that fit the content: every column at least as wide as its longest
    word (so that no date or word breaks inside: "07.11.2026", never "07.11.20 / 26"), the rest shared in
    proportion to how much wider each column's longest text is. When even the words do not fit, widths in
    proportion to each column's longest word."""
    st = styles()
    pad = 6 + 1  # left and right padding, and the rule
    least, natural = [], []
    for i, column in enumerate(columns):
        texts = [(str(column), st.cell_bold)] + [("" if r[i] is None else str(r[i]), st.cell) for r in rows
                                                 if i < len(r)]
        words = [stringWidth(w, style.fontName, style.fontSize) for text, style in texts for w in text.split()]
        whole = [stringWidth(line, style.fontName, style.fontSize) for text, style in texts
                 for line in text.splitlines() or [""]]
        least.append(max(words, default=0) + pad)
        natural.append(max(max(whole, default=0) + pad, least[-1]))
    if sum(least) > FRAME_WIDTH:  # some long word breaks anyway: each column as much as its longest word asks
        return [m / sum(least) for m in least]
    if sum(natural) <= FRAME_WIDTH:
        spare = FRAME_WIDTH - sum(natural)
        return [(n + spare * n / sum(natural)) / FRAME_WIDTH for n in natural]
    room, wish = FRAME_WIDTH - sum(least), [n - m for n, m in zip(natural, least)]
    return [(m + room * w / sum(wish)) / FRAME_WIDTH for m, w in zip(least, wish)]


def grid_table(columns: Sequence[str], rows: Iterable[Sequence[object]], widths: Sequence[float] | None = None,
               marked: Iterable[int] = (), bold_first: bool = False) -> Table:
    """A table with a header row repeated on every page; ``widths`` are fractions of the frame."""
    st = styles()
    rows = [list(row) for row in rows]
    head = [p(c, st.cell_bold) for c in columns]
    body = []
    for row in rows:
        body.append([p(v, st.cell_bold if (bold_first and i == 0) else st.cell) for i, v in enumerate(row)])
    if not body:
        body = [[p("—", st.cell)] + [p("", st.cell) for _ in columns[1:]]]
    widths = widths or fitted_widths(columns, rows)
    table = Table([head] + body, colWidths=[FRAME_WIDTH * w for w in widths], repeatRows=1)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
             ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
             ("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("TOPPADDING", (0, 0), (-1, -1), 2),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("LEFTPADDING", (0, 0), (-1, -1), 3),
             ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    style += [("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#fff3b0")) for i in marked]
    table.setStyle(TableStyle(style))
    return table


def signature_flowables(sig, words: Mapping[str, str]) -> list:
    """The e-signature manifestation, or NOT SIGNED, or SIGNATURE INVALID in red (a list of
    flowables, so callers can keep it together with what precedes it); ``words``: the document's."""
    st = styles()
    if sig is None:
        return [p(words["not_signed"], st.warn)]
    parts = [Paragraph(f"{esc(words['signed'])}: {esc(sig.manifestation)}", st.body)]
    if sig.valid is False:
        parts.insert(0, p(words["signature_invalid"], st.warn))
    return parts


def _fit(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """Shrink the font down to 6.5 pt, then cut the text with an ellipsis, to fit ``width``."""
    while size > 6.5 and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) > width:
        while text and stringWidth(text + "…", font, size) > width:
            text = text[:-1]
        text += "…"
    return text, size


def _draw_page(c: rl_canvas.Canvas, header: DocumentHeader, banner: str | None, page: int, pages: int) -> None:
    width, height = PAGE
    words = header.words
    left, right = MARGIN_X, width - MARGIN_X
    top = height - 12 * mm
    c.saveState()
    c.setFillColor(colors.black)
    # A document of no participant (the pairing card) names none.
    pid = f"{words['participant']}: {header.study_id}" if header.study_id else ""
    c.setFont(fonts.SANS_BOLD, 10)
    pid_width = stringWidth(pid, fonts.SANS_BOLD, 10)
    c.drawRightString(right, top, pid)
    title = f"{header.title} — {words['version']} {header.version}"
    text, size = _fit(title, fonts.SANS_BOLD, 10, right - left - pid_width - 8 * mm)
    c.setFont(fonts.SANS_BOLD, size)
    c.drawString(left, top, text)
    c.setFont(fonts.SANS, 8)
    # The site first: a long study title is what gets cut when the line is too long.
    line2 = f"{words['site']}: {header.site} · {header.study}"
    text, size = _fit(line2, fonts.SANS, 8, right - left)
    c.setFont(fonts.SANS, size)
    c.drawString(left, top - 4.2 * mm, text)
    c.setStrokeColor(colors.grey)
    c.setLineWidth(0.5)
    c.line(left, top - 6 * mm, right, top - 6 * mm)
    if banner:
        c.setFillColor(colors.HexColor("#a00000"))
        text, size = _fit(banner, fonts.SANS_BOLD, 8.5, right - left)
        c.setFont(fonts.SANS_BOLD, size)
        c.drawCentredString(width / 2, top - 10.5 * mm, text)
        c.setFillColor(colors.black)
    bottom = 10 * mm
    c.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
    c.setFont(fonts.SANS, 7.5)
    foot = f"{words['printed']} {header.printed_at_local} {words['by']} {header.printed_by}"
    if header.audit_seal:
        foot += f" · {words.get('audit_seal', 'Audit seal')} {header.audit_seal}"
    page_text = words["page_of"].format(page=page, count=pages)
    c.drawRightString(right, bottom, page_text)
    text, size = _fit(foot, fonts.SANS, 7.5, right - left - stringWidth(page_text, fonts.SANS, 7.5) - 6 * mm)
    c.setFont(fonts.SANS, size)
    c.drawString(left, bottom, text)
    c.restoreState()


def _canvas_maker(header: DocumentHeader, banner: str | None, counter: list[int]):
    class NumberedCanvas(rl_canvas.Canvas):
        """Keeps each page until the end so the footer can say "page X of Y"."""

        def __init__(self, *args, **kwargs):
            # Start every page in the embedded font, so no unembedded Helvetica is referenced.
            kwargs["initialFontName"] = fonts.SANS
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            counter.append(total)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_page(self, header, banner, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(header: DocumentHeader, story: list, *, banner: str | None = None) -> PdfDocument:
    """Lay ``story`` out on A4 pages with the shared header and footer; return the PDF and its page count."""
    styles()
    buffer = io.BytesIO()
    top = MARGIN_TOP + (5 * mm if banner else 0)
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=top,
        bottomMargin=MARGIN_BOTTOM, title=" — ".join(t for t in (header.title, header.study_id) if t), author="TrialDesk",
        subject=f"{header.study} {header.study_id}", creator="TrialDesk", invariant=0,
    )
    counter: list[int] = []
    doc.build(list(story), canvasmaker=_canvas_maker(header, banner, counter))
    return PdfDocument(buffer.getvalue(), counter[-1] if counter else 0)


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)
