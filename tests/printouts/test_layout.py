"""Table columns on paper fit their content: a date or a word never breaks inside when the page has room."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from trialdesk.printouts.layout import FRAME_WIDTH, fitted_widths, grid_table, styles


def _width(text: str, bold: bool = False) -> float:
    st = styles()
    style = st.cell_bold if bold else st.cell
    return stringWidth(text, style.fontName, style.fontSize)


def test_every_column_is_at_least_as_wide_as_its_longest_word():
    columns = ("Legemiddel", "Indikasjon", "Startdato", "Sluttdato", "Forbudt etter protokollen")
    rows = [("Prednisolon", "reaksjon på injeksjonsstedet", "07.11.2026", "11.11.2026",
             "Systemiske kortikosteroider (langvarig) (E4): kortvarig kur i 5 dager, ikke langvarig immundempende "
             "behandling")]
    widths = fitted_widths(columns, rows)
    assert abs(sum(widths) - 1) < 1e-9
    for i, column in enumerate(columns):
        longest = max([_width(w, bold=True) for w in column.split()] + [_width(w) for w in rows[0][i].split()])
        assert widths[i] * FRAME_WIDTH >= longest, (column, widths[i] * FRAME_WIDTH, longest)
    # The long free text gets the room that is left, not an equal share.
    assert widths[-1] == max(widths) and widths[2] < 1 / len(columns)


def test_short_tables_spread_over_the_frame_and_too_many_columns_still_add_up():
    assert abs(sum(fitted_widths(("a", "b"), [("1", "2")])) - 1) < 1e-9
    many = ("Kolonneoverskrift",) * 14  # too many long words for one row: in proportion to them (here: equal)
    widths = fitted_widths(many, [tuple("x" for _ in many)])
    assert abs(sum(widths) - 1) < 1e-9 and len(set(round(w, 9) for w in widths)) == 1
    table = grid_table(many, [tuple("x" for _ in many)])
    assert abs(sum(table._colWidths) - FRAME_WIDTH) < 1e-6
