"""Print preview of a PDF held in memory: print through Qt's print dialog, save as PDF (issue 6, point 2)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QSizeF,
    QStandardPaths, Qt, Signal,
)
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QToolButton, QVBoxLayout,
    QWidget,
)

from trialdesk.errors import TrialDeskError
from trialdesk.services import files
from trialdesk.ui import tasks

__all__ = ["PrintPreviewDialog", "print_pdf", "show_print_preview"]

# Pages are rasterised for the printer at the printer's resolution, at most this (a 1200 dpi A4
# page would be a 550 MB image; 300 dpi prints text sharply).
MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class PrintError(TrialDeskError):
    """The printer could not be used (the PDF itself is still in the preview). Its messages are
    marked with QT_TRANSLATE_NOOP("errors", …) so that i18n.error_text finds their translation."""


def _open_pdf(data: QByteArray | bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument read from memory (never a temporary file: the PDF holds clinical data).
    The buffer must outlive the document, so both are returned."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def pages_to_print(printer: QPrinter, page_count: int, current_page: int = 0) -> list[int]:
    """The 0-based pages the print dialog asked for, each copy and in the order the printer wants.

    Copies are repeated here only when the printer cannot make them itself (e.g. PDF output);
    collated copies are 1-2-3, 1-2-3, uncollated 1-1, 2-2, 3-3.
    """
    every = list(range(page_count))
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        chosen = [current_page] if 0 <= current_page < page_count else []
    elif mode == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            chosen = [p for p in every if ranges.contains(p + 1)]
        else:
            first, last = printer.fromPage(), printer.toPage()
            chosen = [p for p in every if (not first or p + 1 >= first) and (not last or p + 1 <= last)]
    else:
        chosen = every
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        chosen.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return chosen
    if printer.collateCopies():
        return chosen * copies
    return [p for p in chosen for _ in range(copies)]


def _render_on_white(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """The page as an opaque image: QtPdf renders on a transparent background, which a PDF
    printer keeps as a soft mask (3× the size) and a plain RGB conversion turns black."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    sheet = QImage(size, QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return sheet


def print_pdf(data: bytes, printer: QPrinter, pages: list[int]) -> int:
    """Render ``pages`` (0-based, repeats allowed) of the PDF ``data`` onto ``printer``; return the
    number of sheets sent. Safe on a worker thread (QPainter on a QPrinter is; the document is
    this call's own), so it runs through :func:`tasks.run_in_background`."""
    document, buffer = _open_pdf(data)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise PrintError(QT_TRANSLATE_NOOP("errors", "The PDF could not be read for printing."))
        if not pages:
            raise PrintError(QT_TRANSLATE_NOOP("errors", "No pages were chosen to print."))
        printer.setFullPage(True)  # the PDF carries its own margins: map page to paper 1:1
        made = _private_output_file(printer)
        painter = QPainter()
        if not painter.begin(printer):
            if made:
                files.discard(made)
            raise PrintError(QT_TRANSLATE_NOOP(
                "errors", "The printer could not be started. Check that it is connected and try again."))
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for n, page in enumerate(pages):
                if n and not printer.newPage():
                    raise PrintError(QT_TRANSLATE_NOOP("errors", "The printer stopped after {count} pages."), count=n)
                image = _render_on_white(document, page, dpi)
                paper = QRectF(painter.viewport())
                size = QSizeF(image.size()).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRectF(paper.topLeft(), size), image)
        finally:
            painter.end()
        return len(pages)
    finally:
        document.close()
        buffer.close()


def _private_output_file(printer: QPrinter) -> Path | None:
    """When the print dialog's "Print to file" was chosen, create that file readable by its owner only
    before Qt writes the printout into it (Qt keeps a file's mode; a new one it would make readable by
    everyone). Returns the file made, or None (a real printer, or a folder Qt will report it cannot use)."""
    name = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
    if not name:
        return None
    try:
        files.create_empty(Path(name))
    except OSError:
        return None  # painter.begin fails on the same path, and says so
    return Path(name)


class PrintPreviewDialog(QDialog):
    """Shows a PDF (all pages, fit to width, zoomable) and offers Print…, Save as PDF… and Close.

    The PDF is read from memory and is written only where the user chooses with Save as PDF….

    Attributes:
        document: the QPdfDocument shown (``document.pageCount()``).
        view: the QPdfView.
        page_label: "Page X of Y"; zoom_label: the zoom in percent.
        file_name: the suggested file name for Save as PDF….
        printed(int): emitted with the number of pages sent after a print job finished.
        saved(str): emitted with the path after the PDF was saved.
    """

    printed = Signal(int)
    saved = Signal(str)

    def __init__(self, pdf: bytes, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._data = bytes(pdf)
        self.file_name = file_name
        self.last_directory = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.setWindowTitle(self.tr("Print preview — {name}").format(name=file_name))
        self.setSizeGripEnabled(True)
        self.document, self._buffer = _open_pdf(self._data, self)
        self._build()
        self._connect_signals()
        self._update_page_label(0)
        self._fit_to_screen()
        self._update_zoom_label()

    def _fit_to_screen(self) -> None:
        """An A4 page wide enough to read, never taller than the screen (1366×768 laptops exist)."""
        screen = (self.parentWidget().screen() if self.parentWidget() is not None else None) or self.screen()
        if screen is None:
            self.resize(860, 900)
            return
        room = screen.availableGeometry()
        self.resize(min(860, int(room.width() * 0.9)), min(1100, int(room.height() * 0.9)))

    # --- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        tools = QHBoxLayout()
        self.zoom_out_button = self._tool_button("−", self.tr("Zoom out"), self.tr("Zoom out (-)"))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        self.zoom_in_button = self._tool_button("+", self.tr("Zoom in"), self.tr("Zoom in (+)"))
        self.fit_button = self._tool_button(self.tr("&Fit width"), self.tr("Fit to width"),
                                            self.tr("Fit the page to the width of the window"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.page_label = QLabel()
        self.page_label.setAccessibleName(self.tr("Page"))
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        outer.addLayout(tools)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setAccessibleName(self.tr("Error message"))
        self.error_label.hide()
        outer.addWidget(self.error_label)

        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Preview of {name}").format(name=self.file_name))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocument(self.document)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and Page Up/Down scroll
        outer.addWidget(self.view, 1)

        self.buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print on paper (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setToolTip(self.tr("Save a copy as a PDF file (Ctrl+S). The file is not encrypted."))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("&Close"))
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.print_button, self.save_button):
            button.setAutoDefault(False)  # Enter must not start a print
        self.close_button.setDefault(True)
        outer.addWidget(self.buttons)

        ready = self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0
        if not ready:
            self.error_label.setText(self.tr("The PDF could not be shown. It can still be saved as a file."))
            self.error_label.show()
        for widget in (self.print_button, self.zoom_in_button, self.zoom_out_button, self.fit_button):
            widget.setEnabled(ready)
        self.setTabOrder(self.view, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.setTabOrder(self.save_button, self.close_button)
        self.view.setFocus()

    def _tool_button(self, text: str, accessible: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _connect_signals(self) -> None:
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.buttons.rejected.connect(self.reject)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self._on_fit_button_clicked)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self.view.zoomFactorChanged.connect(self._update_zoom_label)
        self.view.zoomModeChanged.connect(self._update_zoom_label)
        shortcuts = (
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, self.save_as_pdf),
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence(Qt.Key.Key_Plus), self.zoom_in),
            (QKeySequence(Qt.Key.Key_Equal), self.zoom_in),
            (QKeySequence(Qt.Key.Key_Minus), self.zoom_out),
        )
        self._shortcuts = []
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    # --- pages and zoom -----------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _update_page_label(self, page: int) -> None:
        count = self.page_count()
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=min(page + 1, count), count=count))

    def effective_zoom(self) -> float:
        """The zoom shown (1.0 = 100 %); in fit-to-width mode computed as QPdfView does."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.page_count() == 0:
            return self.view.zoomFactor()
        margins = self.view.documentMargins()
        available = self.view.viewport().width() - margins.left() - margins.right()
        screen = self.screen() or self.view.screen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        widest = max(self.document.pagePointSize(p).width() for p in range(self.page_count()))
        return max(available, 1) / (widest * dpi / 72.0)

    def _set_zoom(self, factor: float) -> None:
        factor = min(max(factor, ZOOM_MIN), ZOOM_MAX)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.fit_button.setChecked(False)
        self._update_zoom_label()

    def zoom_in(self) -> None:
        if self.zoom_in_button.isEnabled():
            self._set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        if self.zoom_out_button.isEnabled():
            self._set_zoom(self.effective_zoom() / ZOOM_STEP)

    def fit_to_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.fit_button.setChecked(True)
        self._update_zoom_label()

    def _on_fit_button_clicked(self, checked: bool) -> None:
        if checked:
            self.fit_to_width()
        else:
            self._set_zoom(self.effective_zoom())

    def _update_zoom_label(self, *_args) -> None:
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(self.effective_zoom() * 100)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_zoom_label()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._update_zoom_label()

    # --- print --------------------------------------------------------------------------------------

    def _new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        if self.page_count():
            points = self.document.pagePointSize(0)
            landscape = points.width() > points.height()
            printer.setPageSize(QPageSize(QSizeF(min(points.width(), points.height()),
                                                 max(points.width(), points.height())), QPageSize.Unit.Point))
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                       else QPageLayout.Orientation.Portrait)
        printer.setFromTo(1, self.page_count())
        return printer

    def print_document(self) -> None:
        """Print… : Qt's print dialog (printer, page range, copies), then the pages are rendered
        onto the printer off the GUI thread."""
        if not self.print_button.isEnabled():
            return
        printer = self._new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {name}").format(name=self.file_name))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = pages_to_print(printer, self.page_count(), self.current_page())
        data = self._data

        def work() -> int:
            return print_pdf(data, printer, pages)  # `printer` belongs to the worker until done

        def done(count: int) -> None:
            self.printed.emit(count)

        tasks.run_in_background(self, work, done, on_error=self._show_print_error,
                                label=self.tr("Printing {name}…").format(name=self.file_name))

    def _show_print_error(self, exc: BaseException) -> None:
        tasks.show_error(self, exc, self.tr("Not printed"))

    # --- save ---------------------------------------------------------------------------------------

    def save_as_pdf(self) -> None:
        """Save as PDF… : write the bytes exactly where the user chose, readable by the user only
        (atomically: an existing file is replaced only by a complete copy). On failure the preview stays
        open to try again."""
        suggested = os.path.join(self.last_directory, self.file_name) if self.last_directory else self.file_name
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
            if os.path.exists(path) and QMessageBox.question(
                    self, self.tr("Save as PDF"), self.tr("{path} already exists. Replace it?").format(path=path),
                    ) != QMessageBox.StandardButton.Yes:
                return
        try:
            files.write_replacing(Path(path), self._data)  # readable by the user only: clinical data
        except OSError as exc:
            QMessageBox.warning(self, self.tr("PDF not saved"), self.tr(
                "The PDF could not be saved as {path}:\n{reason}\n\nThe preview stays open: choose another "
                "folder and try again.").format(path=path, reason=exc.strerror or str(exc)))
            return
        self.last_directory = os.path.dirname(path)
        self.saved.emit(path)


def show_print_preview(parent: QWidget | None, make_pdf: Callable[[], bytes], file_name: str) -> tasks.BackgroundTask:
    """Make the PDF off the GUI thread (``make_pdf`` calls a ``services.printing`` function and
    must not touch widgets), then open :class:`PrintPreviewDialog` over ``parent``. An error
    (permission, missing data) is shown in a message box; nothing in the window is lost.

    Returns the background task; the dialog, once open, is ``parent.findChild(PrintPreviewDialog)``.
    """

    def open_preview(pdf: bytes) -> None:
        dialog = PrintPreviewDialog(pdf, file_name, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, does not block the caller

    def failed(exc: BaseException) -> None:
        tasks.show_error(parent, exc, QCoreApplication.translate("PrintPreviewDialog", "Not printed"))

    label = QCoreApplication.translate("PrintPreviewDialog", "Preparing {name}…").format(name=file_name)
    return tasks.run_in_background(parent, make_pdf, open_preview, on_error=failed, label=label)
