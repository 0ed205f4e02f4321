"""The AE dialog's grade list shows each grade's CTCAE text while choosing (issue 11, item 5): "2 — text", elided
to the list's width, the whole text as the item's tooltip; grades a term does not define stay disabled."""

from __future__ import annotations

from PySide6.QtCore import Qt

from trialdesk.services.screening import protocol
from trialdesk.ui.visits.adverse_events import GRADE_LIST_WIDTH, AdverseEventDialog


def _dialog(qtbot, term: str) -> AdverseEventDialog:
    dialog = AdverseEventDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.term.setCurrentIndex(dialog.term.findData(term))
    assert dialog.term_key() == term
    return dialog


def _items(dialog):
    model = dialog.grade_model
    return {model.item(r).data(Qt.ItemDataRole.UserRole): model.item(r) for r in range(1, model.rowCount())}


def test_each_grade_shows_its_text_in_the_list(qtbot):
    dialog = _dialog(qtbot, "allergic_reaction")
    items = _items(dialog)
    assert items[2].text() == "2 — Oral intervention indicated" and items[2].isEnabled()
    assert items[2].toolTip() == "2 — Oral intervention indicated"
    long = items[3]
    full = "3 — " + protocol().ae_term("allergic_reaction").grade_text(3)
    assert long.toolTip() == full
    metrics = dialog.grade.view().fontMetrics()
    assert metrics.horizontalAdvance(long.text()) <= GRADE_LIST_WIDTH
    assert long.text() == full or (long.text().endswith("…") and full.startswith(long.text()[:-1]))


def test_grades_a_term_does_not_define_stay_disabled(qtbot):
    dialog = _dialog(qtbot, "anaphylaxis")
    items = _items(dialog)
    assert not items[1].isEnabled() and not items[2].isEnabled()
    assert "not defined" in items[1].text() and items[1].toolTip() == ""
    assert items[3].isEnabled() and items[3].toolTip().startswith("3 — Symptomatic bronchospasm")
    dialog.grade.setCurrentIndex(dialog.grade.findData(3))
    assert "Symptomatic bronchospasm" in dialog.grade_text.text()  # and after choosing, as before


def test_the_term_list_is_tall_enough_to_choose_from(qtbot):
    """Issue 13 point 5: the CTCAE term list and its type-to-search completer show a screenful of terms."""
    from PySide6.QtCore import Qt

    from trialdesk.ui.visits.adverse_events import TERM_LIST_ROWS

    dialog = AdverseEventDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert TERM_LIST_ROWS >= 15
    assert dialog.term.maxVisibleItems() == TERM_LIST_ROWS
    assert dialog.term.completer().maxVisibleItems() == TERM_LIST_ROWS
    qtbot.keyClicks(dialog.term.lineEdit(), "a")  # many terms contain an "a": the completer's popup opens
    popup = dialog.term.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = popup.height() // max(1, popup.sizeHintForRow(0))
    assert shown >= min(TERM_LIST_ROWS, popup.model().rowCount()) - 1, (shown, popup.model().rowCount())
    qtbot.keyClick(popup, Qt.Key.Key_Escape)


def test_grade_texts_are_bokmal_in_the_bokmal_ui(qtbot, qapp):
    """Issue 13 point 3: no CTCAE English in the Bokmål UI — the list and the chosen grade's line read the
    CTCAE file's Bokmål text (the one the printouts read too)."""
    qapp.setProperty("trialdesk_language", "nb")
    try:
        dialog = _dialog(qtbot, "headache")
        items = _items(dialog)
        assert items[1].toolTip() == "1 — Lette smerter"
        assert items[2].toolTip() == "2 — Moderate smerter; begrenser instrumentelle ADL"
        dialog.grade.setCurrentIndex(dialog.grade.findData(2))
        assert "Moderate smerter" in dialog.grade_text.text() and "pain" not in dialog.grade_text.text()
        term = protocol().ae_term("headache")
        assert all(term.grade_text(g) not in items[g].toolTip() for g in items if items[g].isEnabled())
    finally:
        qapp.setProperty("trialdesk_language", None)
