"""Small shared widgets: a form row with an inline error message under its field."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget


class FieldError(QLabel):
    """A red message under a field; hidden while empty. Screen readers get it via accessibleName."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setAccessibleName(self.tr("Error message"))
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


# --- form helpers (issue 4) -------------------------------------------------------------------------

from PySide6.QtCore import QCoreApplication, QObject  # noqa: E402  (Qt's enum namespace costs ~45 ms: imported where used,
# so that the sign-in window, which needs only FieldError, shows without it)
from PySide6.QtWidgets import (  # noqa: E402
    QButtonGroup, QFormLayout, QHBoxLayout, QLineEdit, QRadioButton, QTableView, QVBoxLayout,
)


def ui_language() -> str:
    """'nb' or 'en': the language app.py installed (protocol texts are shown in it)."""
    app = QCoreApplication.instance()
    lang = app.property("trialdesk_language") if app is not None else None
    return lang if lang in ("nb", "en") else "en"


class FieldBox(QWidget):
    """An input with its inline error message underneath (the error is hidden while empty)."""

    def __init__(self, field: QWidget, parent: QWidget | None = None, extra: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if extra is not None:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(field, 1)
            row.addWidget(extra)
            box.addLayout(row)
        else:
            box.addWidget(field)
        self.error = FieldError(self)
        box.addWidget(self.error)
        clear_on_edit(field, self.error)


def clear_on_edit(field: QWidget, error: FieldError) -> None:
    """Hide ``error`` as soon as ``field`` is edited (typed in, another item chosen, a radio button or box
    ticked): a message about a value no longer in the field only confuses. The next check shows it again."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    def hide(*_: object) -> None:
        if error.isVisibleTo(error.parentWidget()) or error.text():
            error.show_message(None)

    if isinstance(field, QLineEdit):
        field.textEdited.connect(hide)
    elif isinstance(field, QComboBox):
        field.currentIndexChanged.connect(hide)
        if field.isEditable():
            field.editTextChanged.connect(hide)
    elif isinstance(field, QAbstractButton):
        field.toggled.connect(hide)
    else:  # a row of inputs (radio buttons, a date and a time …)
        for child in field.findChildren(QLineEdit):
            child.textEdited.connect(hide)
        for child in field.findChildren(QComboBox):
            child.currentIndexChanged.connect(hide)
        for child in field.findChildren(QAbstractButton):
            child.toggled.connect(hide)


def add_row(form: QFormLayout, label: str, field: QWidget, accessible: str,
            extra: QWidget | None = None) -> FieldBox:
    """Add ``label`` (with its & mnemonic) and ``field`` to ``form``; the label is the field's buddy."""
    field.setAccessibleName(accessible)
    box = FieldBox(field, extra=extra)
    lab = QLabel(label)
    lab.setBuddy(field)
    from PySide6.QtCore import Qt

    lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.addRow(lab, box)
    return box


def date_edit(placeholder: str) -> QLineEdit:
    """A date field: accepts 26.11.2026 and 2026-11-26 (checked by services.inputs.parse_date)."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(160)
    return edit


class YesNo(QWidget):
    """Two radio buttons, nothing preselected; ``value()`` is True, False or None (unanswered)."""

    def __init__(self, yes: str, no: str, accessible: str, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.yes = QRadioButton(yes)
        self.no = QRadioButton(no)
        self.yes.setAccessibleName(f"{accessible}: {yes.replace('&', '')}")
        self.no.setAccessibleName(f"{accessible}: {no.replace('&', '')}")
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)
        self.setFocusProxy(self.yes)

    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: bool | None) -> None:
        self.group.setExclusive(False)
        self.yes.setChecked(value is True)
        self.no.setChecked(value is False)
        self.group.setExclusive(True)


import re as _re  # noqa: E402

_ISO_DATE = _re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def local_dates(text: str) -> str:
    """ISO dates in a rule's explanation shown as Norwegians write them (2026-11-26 -> 26.11.2026)."""
    return _ISO_DATE.sub(r"\3.\2.\1", text)


def row_table(model, accessible_name: str) -> QTableView:
    """A read-only list view in the house layout: whole rows selected one at a time, no row numbers,
    no word wrap (long cells show their tooltip), the last column stretched."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    # Fitting a column to its contents measures its header and a sample of rows (those in view and around them),
    # never every row: at 5,000 participants a Today list of 700 rows took 1.4 s to fit (issue 15, point 5).
    header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
    # One Tab in, one Tab out: the arrows move between rows; Tab never walks the cells (a keyboard user got
    # stuck in the dose visit's saved results).
    table.setTabKeyNavigation(False)
    return table


SIZE_SAMPLE_ROWS = 40
"""Rows a table measures when it fits its columns to their contents (with the headers)."""


def fit_columns(table: QTableView, *, sample: int = SIZE_SAMPLE_ROWS, widest: dict[int, int] | None = None,
                texts: dict[int, Iterable[str]] | None = None) -> dict[int, int]:
    """Fit ``table``'s columns to their headers and the text of its first ``sample`` rows, as Qt's
    ``resizeColumnsToContents`` does, but measured here from the texts a :class:`RowTableModel` keeps: Qt's own
    fitting asks the Python model for eight roles of every cell it measures (a fifth of a lab save's time at
    5,000 participants). ``texts``: column -> the texts that decide its width, instead of the sample (the register
    gives every distinct word it shows). ``widest``: column -> pixels it never exceeds (its whole text is the
    cell's tooltip). A header keeps room for the sort arrow only where it shows. Returns each column's own width
    (the stretched last one's included). A model without kept texts (a proxy), or a table that wraps words, is
    left to Qt."""
    model = table.model()
    header = table.horizontalHeader()
    widths: dict[int, int] = {}
    if not hasattr(model, "cell_text") or table.wordWrap():
        table.resizeColumnsToContents()
        widths = {c: header.sectionSize(c) for c in range(model.columnCount()) if not table.isColumnHidden(c)}
    else:
        from math import ceil

        from PySide6.QtGui import QFontMetricsF

        metrics = QFontMetricsF(table.font())  # fractional widths, rounded up once, as Qt's item layout does
        style = table.style()
        margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
        grid = 1 if table.showGrid() else 0
        rows = min(model.rowCount(), sample)
        columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
        titles = {c: 0 for c in columns}
        if not header.isHidden():
            # Qt's size for a header keeps room for the sort arrow in every column; only the sorted one shows it.
            arrow = {c: header.sectionSizeHint(c) for c in columns}
            if header.isSortIndicatorShown():
                header.setSortIndicatorShown(False)
                titles = {c: header.sectionSizeHint(c) for c in columns}
                header.setSortIndicatorShown(True)
                titles[header.sortIndicatorSection()] = arrow.get(header.sortIndicatorSection(), 0)
            else:
                titles = arrow
        for column in columns:
            shown = texts[column] if texts is not None and column in texts else {
                model.cell_text(r, column) for r in range(rows)}
            width = ceil(max((metrics.horizontalAdvance(t) for t in shown if t), default=0))
            widths[column] = max(width + margin + grid if width else 0, titles.get(column, 0))
            header.resizeSection(column, widths[column])
    for column, most in (widest or {}).items():
        if header.sectionSize(column) > most:
            header.resizeSection(column, most)
            widths[column] = most
    return widths


def fit_rows(table: QTableView, most: int) -> None:
    """Make ``table`` as tall as its rows (one empty row's height when it has none), at most ``most`` rows
    (then it scrolls): an empty list does not take the room of the form around it."""
    rows = table.model().rowCount() if table.model() is not None else 0
    if table.wordWrap():
        table.resizeRowsToContents()
    else:
        # One line a row: the rows shown are measured and every other row takes the tallest of their heights
        # (measuring every row of a long history cost a third of a save at 5,000 participants).
        vertical = table.verticalHeader()
        heights = []
        for r in range(min(rows, most)):
            table.resizeRowToContents(r)
            heights.append(table.rowHeight(r))
        if heights:
            vertical.setDefaultSectionSize(max(heights))
            for r in range(min(rows, most)):
                table.setRowHeight(r, max(heights))
    shown = [table.rowHeight(r) for r in range(min(rows, most))] or [table.verticalHeader().defaultSectionSize()]
    header = table.horizontalHeader().sizeHint().height() if not table.horizontalHeader().isHidden() else 0
    scroll = table.horizontalScrollBar().sizeHint().height()
    height = header + sum(shown) + scroll + 2 * table.frameWidth() + 2
    table.setFixedHeight(height)


class SavedNote(QLabel):
    """The confirmation beside a save button: "✓ Saved 10:42 · 7 results", in the place the work was done
    (the status bar is far from the eyes of someone typing at the bedside). Hidden until something is saved;
    :meth:`clear` when another record is shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("color: #1b5e20; font-weight: 600;")
        self.setAccessibleName(self.tr("Saved"))
        self.hide()

    def show_saved(self, detail: str = "") -> None:
        from trialdesk.clock import local_now

        at = local_now().strftime("%H:%M")
        text = self.tr("✓ Saved {at}").format(at=at)
        self.setText(f"{text} · {detail}" if detail else text)
        self.setToolTip(self.text())
        self.show()

    def clear(self) -> None:
        self.setText("")
        self.hide()


class FocusFollower(QObject):
    """Keeps the focused input of ``scroll``'s content in view, however focus got there (Tab, a mnemonic such
    as Alt+K, a click, an error moving focus to its field). When the block it sits in (the content's direct
    child: a section of the dose visit) fits in the viewport, the whole block is brought into view, so the
    part being worked on is seen as one; then the field itself, with a margin."""

    MARGIN = 24

    def __init__(self, scroll):
        super().__init__(scroll)
        self.scroll = scroll
        from PySide6.QtWidgets import QApplication

        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old, new) -> None:
        content = self.scroll.widget()
        if new is None or content is None or not content.isAncestorOf(new):
            return
        self.bring_into_view(new)
        # Once more after the layout has settled: a save that moves focus on also grows the saved results.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, lambda: self._again(new))

    def _again(self, widget: QWidget) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.focusWidget() is widget:
            self.bring_into_view(widget)

    def bring_into_view(self, widget: QWidget) -> None:
        content = self.scroll.widget()
        block = widget
        while block.parentWidget() is not None and block.parentWidget() is not content:
            block = block.parentWidget()
        if block is not widget and block.height() <= self.scroll.viewport().height():
            self.scroll.ensureWidgetVisible(block, 0, 0)
        self.scroll.ensureWidgetVisible(widget, self.MARGIN, self.MARGIN)
