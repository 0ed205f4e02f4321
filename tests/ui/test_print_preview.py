"""Print preview (issue 6, point 2) on a real encrypted store: PDFs made by services.printing are
shown from memory, saved byte for byte where the user chose, printed page by page through Qt's
print dialog, and made off the GUI thread by ui.tasks; nothing is written anywhere else."""

from __future__ import annotations

import subprocess
import tempfile
import threading
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from tests.printouts.trial_data import build_trial
from trialdesk.domain.people import Role
from trialdesk.errors import ValidationError
from trialdesk.services import printing
from trialdesk.ui import tasks
from trialdesk.ui.i18n import error_text
from trialdesk.ui.print_preview import PrintPreviewDialog, pages_to_print, show_print_preview


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """TMPDIR (Qt and Python) pointed at an empty folder that must stay empty."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "nothing may be written to the temporary folder"


@pytest.fixture(autouse=True)
def jobs_drained(qtbot):
    """Every job has delivered before the next test (a pending job holds the user's input back)."""
    yield
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=30_000)
    assert QApplication.overrideCursor() is None


@pytest.fixture
def trial(store, users):
    return build_trial(store, users)


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "chosen"
    folder.mkdir()
    return folder


def _pages(data: bytes) -> int:
    return len(PdfReader(BytesIO(data)).pages)


def _prints(store) -> int:
    return store.db.execute("SELECT count(*) FROM audit WHERE action = 'PRINT'").fetchone()[0]


def _open(qtbot, pdf: bytes, name: str) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(pdf, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # shortcuts (Ctrl+P, Ctrl+S, +/-) reach the active window only
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


@pytest.fixture
def no_message_boxes(monkeypatch):
    """Message boxes are recorded instead of shown (a modal box would block the test)."""
    shown = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return box

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


# --- preview and save --------------------------------------------------------------------------------

def test_preview_shows_every_page_and_saves_the_same_bytes(qtbot, store, users, trial, private_tmp, out,
                                                           monkeypatch, tmp_path):
    before = _files(tmp_path)
    pdf = printing.visit_summary(store, users[Role.NURSE], trial.pid, "D2")
    dialog = _open(qtbot, pdf, "KTS11-H-001_D2_visit_summary.pdf")
    assert dialog.page_count() == _pages(pdf) >= 1
    assert dialog.page_label.text() == f"Page 1 of {_pages(pdf)}"
    assert not dialog.error_label.isVisible() and dialog.print_button.isEnabled()
    asked = []

    def choose(parent, caption, suggested, filters, *args, **kwargs):
        asked.append((caption, suggested, filters))
        return str(out / "visit D2"), filters  # typed without ".pdf"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_button.click()
    assert saved.args == [str(out / "visit D2.pdf")]
    assert (out / "visit D2.pdf").read_bytes() == pdf
    assert asked[0][1].endswith("KTS11-H-001_D2_visit_summary.pdf") and "*.pdf" in asked[0][2]
    # Only what the test asked for appeared (the store's own files may change: WAL, audit).
    new = {f for f in _files(tmp_path) - before if not f.startswith("data/")}
    assert new == {"chosen/visit D2.pdf"}


def test_a_saved_printout_is_its_owners_only(qtbot, store, users, trial, private_tmp, out, monkeypatch,
                                            permissive_umask):
    """A printout saved as PDF holds clinical data: the file is readable by its owner only (issue 14), also
    when it replaces a file that was readable by everyone."""
    from tests.conftest import file_mode

    pdf = printing.visit_summary(store, users[Role.NURSE], trial.pid, "D1")
    dialog = _open(qtbot, pdf, "visit.pdf")
    (out / "old.pdf").write_bytes(b"an older printout")
    for name in ("new.pdf", "old.pdf"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, n=name, **k: (str(out / n), "")))
        with qtbot.waitSignal(dialog.saved, timeout=5000):
            dialog.save_as_pdf()
        assert (out / name).read_bytes() == pdf and file_mode(out / name) == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["new.pdf", "old.pdf"]


def test_save_failure_keeps_the_preview_open(qtbot, store, users, trial, private_tmp, out, monkeypatch,
                                             no_message_boxes):
    pdf = printing.visit_summary(store, users[Role.NURSE], trial.pid, "D1")
    dialog = _open(qtbot, pdf, "visit.pdf")
    missing = out / "no such folder" / "visit.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(missing), "")))
    dialog.save_as_pdf()
    assert no_message_boxes and no_message_boxes[0][1] == "PDF not saved"
    assert str(missing) in no_message_boxes[0][2]
    assert dialog.isVisible() and not missing.exists() and list(out.iterdir()) == []
    # The user picks another folder: same bytes, nothing lost.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out / "v.pdf"), "")))
    dialog.save_as_pdf()
    assert (out / "v.pdf").read_bytes() == pdf


def test_cancelled_save_writes_nothing(qtbot, store, users, trial, private_tmp, out, monkeypatch):
    dialog = _open(qtbot, printing.visit_summary(store, users[Role.NURSE], trial.pid, "D1"), "visit.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    dialog.save_as_pdf()
    assert list(out.iterdir()) == []


def test_keyboard_zoom_and_shortcuts(qtbot, store, users, trial, private_tmp, out, monkeypatch):
    dialog = _open(qtbot, printing.visit_summary(store, users[Role.NURSE], trial.pid, "D2"), "visit.pdf")
    fit = dialog.effective_zoom()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Plus)
    assert dialog.effective_zoom() == pytest.approx(fit * 1.25, rel=1e-3)
    assert not dialog.fit_button.isChecked() and dialog.zoom_label.text() == f"{round(fit * 125)} %"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus)
    assert dialog.effective_zoom() == pytest.approx(fit / 1.25, rel=1e-3)
    dialog.fit_button.click()
    assert dialog.effective_zoom() == pytest.approx(fit, rel=1e-3)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out / "k.pdf"), "")))
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        qtbot.keyClick(dialog.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (out / "k.pdf").exists()
    for button in (dialog.print_button, dialog.save_button, dialog.close_button, dialog.zoom_in_button,
                   dialog.zoom_out_button, dialog.fit_button):
        assert button.text() and (button.accessibleName() or button.text())
    assert not dialog.print_button.autoDefault() and dialog.close_button.isDefault()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_unreadable_pdf_is_reported_in_the_dialog(qtbot, private_tmp):
    dialog = _open(qtbot, b"%PDF-1.4 broken", "broken.pdf")
    assert dialog.error_label.isVisible() and not dialog.print_button.isEnabled()
    assert dialog.save_button.isEnabled()


# --- print -------------------------------------------------------------------------------------------

@pytest.fixture
def print_to(monkeypatch):
    """QPrintDialog.exec accepts at once, with the printer writing a PDF file (plus the given settings)."""
    settings = {}

    def fake_exec(self):
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(settings["file"]))
        if "range" in settings:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*settings["range"])
        printer.setCopyCount(settings.get("copies", 1))
        printer.setCollateCopies(settings.get("collate", True))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    return settings


def test_print_renders_every_page_then_the_chosen_range_and_copies(qtbot, store, users, trial, private_tmp, out,
                                                                   print_to, tmp_path):
    pdf = printing.casebook(store, users[Role.INVESTIGATOR], trial.pid)
    count = _pages(pdf)
    assert count >= 3
    dialog = _open(qtbot, pdf, "casebook.pdf")
    print_to["file"] = out / "all.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as printed:
        qtbot.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args == [count]
    reader = PdfReader(out / "all.pdf")
    assert len(reader.pages) == count
    box = reader.pages[0].mediabox  # A4, as the document
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    print_to.update(file=out / "range.pdf", range=(2, 3), copies=2)
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as printed:
        dialog.print_button.click()
    assert printed.args == [4] and len(PdfReader(out / "range.pdf").pages) == 4
    assert sorted(p.name for p in out.iterdir()) == ["all.pdf", "range.pdf"]
    # The sheets are white paper with dark print (QtPdf renders on transparent; black pages once).
    sheet = _rasterise(out / "all.pdf", tmp_path / "look")
    assert sheet.pixelColor(2, 2).lightness() >= 250
    dark = sum(sheet.pixelColor(x, y).lightness() < 128 for x in range(0, sheet.width(), 3)
               for y in range(0, sheet.height(), 3))
    assert 0 < dark < sheet.width() * sheet.height() / 9 / 5


def test_a_printout_printed_to_a_file_is_its_owners_only(qtbot, store, users, trial, private_tmp, out,
                                                        print_to, permissive_umask):
    """"Print to file" in the print dialog saves the printout too: readable by its owner only (issue 14)."""
    from tests.conftest import file_mode

    dialog = _open(qtbot, printing.visit_summary(store, users[Role.NURSE], trial.pid, "D1"), "visit.pdf")
    (out / "old.pdf").write_bytes(b"an older printout")
    for name in ("new.pdf", "old.pdf"):
        print_to["file"] = out / name
        with qtbot.waitSignal(dialog.printed, timeout=60_000):
            dialog.print_button.click()
        assert (out / name).read_bytes().startswith(b"%PDF") and file_mode(out / name) == 0o600


def test_printer_failure_is_reported_and_the_preview_stays(qtbot, store, users, trial, private_tmp, out, print_to,
                                                           no_message_boxes, monkeypatch):
    pdf = printing.visit_summary(store, users[Role.NURSE], trial.pid, "D1")
    dialog = _open(qtbot, pdf, "visit.pdf")
    print_to["file"] = out / "no such folder" / "x.pdf"  # the printer cannot start
    started = []
    real = tasks.run_in_background
    monkeypatch.setattr(tasks, "run_in_background", lambda *a, **k: started.append(real(*a, **k)) or started[-1])
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(started) and started[0].done, timeout=30_000)
    assert no_message_boxes == [("warning", "Not printed",
                                 "The printer could not be started. Check that it is connected and try again.")]
    assert dialog.isVisible() and list(out.iterdir()) == []


def _rasterise(pdf: Path, folder: Path) -> QImage:
    """Page 1 at 30 dpi with pdftoppm (poppler-utils, installed by .ci/run)."""
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(pdf), str(folder / "p")], check=True)
    return QImage(str(next(folder.glob("p*.png"))))


def _pdf_printer(**settings) -> QPrinter:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # makes no copies itself
    for name, value in settings.items():
        getattr(printer, name)(*value) if isinstance(value, tuple) else getattr(printer, name)(value)
    return printer


@pytest.mark.parametrize(("settings", "expected"), [
    ({}, [0, 1, 2, 3]),
    ({"setPrintRange": QPrinter.PrintRange.PageRange, "setFromTo": (2, 3)}, [1, 2]),
    ({"setPrintRange": QPrinter.PrintRange.CurrentPage}, [2]),
    ({"setCopyCount": 2, "setCollateCopies": True}, [0, 1, 2, 3, 0, 1, 2, 3]),
    ({"setCopyCount": 2, "setCollateCopies": False, "setPrintRange": QPrinter.PrintRange.PageRange,
      "setFromTo": (1, 2)}, [0, 0, 1, 1]),
    ({"setPageOrder": QPrinter.PageOrder.LastPageFirst}, [3, 2, 1, 0]),
])
def test_pages_to_print_honours_range_copies_and_order(qapp, settings, expected):
    assert pages_to_print(_pdf_printer(**settings), 4, current_page=2) == expected


# --- background jobs ---------------------------------------------------------------------------------

def test_run_in_background_delivers_on_the_gui_thread_one_job_at_a_time(qtbot, private_tmp):
    gui = QThread.currentThread()
    seen, active, overlaps = [], [], []
    lock = threading.Lock()

    def work(n):
        def run():
            with lock:
                active.append(n)
                if len(active) > 1:
                    overlaps.append(tuple(active))
            assert QThread.currentThread() is not gui
            QThread.msleep(30)
            with lock:
                active.remove(n)
            return n * 10
        return run

    jobs = [tasks.run_in_background(None, work(n), lambda v: seen.append((v, QThread.currentThread() is gui)))
            for n in range(4)]
    qtbot.waitUntil(lambda: all(j.done for j in jobs), timeout=10_000)
    assert seen == [(0, True), (10, True), (20, True), (30, True)]  # in order, on the GUI thread
    assert overlaps == [] and not tasks.is_busy()


def test_run_in_background_routes_exceptions(qtbot, private_tmp, no_message_boxes):
    gui = QThread.currentThread()
    caught = []

    def boom():
        raise ValidationError("No such participant.")

    task = tasks.run_in_background(None, boom, lambda v: pytest.fail("no result expected"),
                                   on_error=lambda exc: caught.append((exc, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert isinstance(caught[0][0], ValidationError) and caught[0][1] is True
    # The default on_error: a message box with the translated error.
    task = tasks.run_in_background(None, boom, lambda v: None, label="Casebook")
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert no_message_boxes == [("warning", "Casebook", error_text(ValidationError("No such participant.")))]


def test_busy_indicator_holds_input_back_while_a_slow_job_runs(qtbot, private_tmp):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    got = []
    task = tasks.run_in_background(parent, lambda: release.wait(10) and "ok", got.append, label="Preparing casebook…")
    assert QApplication.overrideCursor() is not None
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog, tasks.BUSY_DIALOG_NAME) is not None
                    and parent.findChild(QProgressDialog, tasks.BUSY_DIALOG_NAME).isVisible(), timeout=5000)
    busy = parent.findChild(QProgressDialog, tasks.BUSY_DIALOG_NAME)
    assert busy.labelText() == "Preparing casebook…" and busy.maximum() == 0  # a busy bar
    assert task.done is False
    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert got == ["ok"] and QApplication.overrideCursor() is None
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog, tasks.BUSY_DIALOG_NAME) is None, timeout=3000)


def test_a_fast_job_shows_no_progress_dialog(qtbot, private_tmp):
    parent = QWidget()
    qtbot.addWidget(parent)
    task = tasks.run_in_background(parent, lambda: 1, lambda v: None)
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    qtbot.wait(tasks.BUSY_DELAY_MS + 100)
    assert parent.findChild(QProgressDialog, tasks.BUSY_DIALOG_NAME) is None


def test_result_for_a_closed_window_is_dropped(qtbot, private_tmp):
    parent = QWidget()
    release = threading.Event()
    got = []
    task = tasks.run_in_background(parent, lambda: release.wait(10), got.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not tasks.shiboken6.isValid(parent), timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert got == []


# --- the whole path: service -> background -> preview -----------------------------------------------

def test_show_print_preview_makes_the_pdf_off_the_gui_thread(qtbot, store, users, trial, private_tmp):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    gui = QThread.currentThread()
    threads = []
    doctor = users[Role.INVESTIGATOR]
    printed_before = _prints(store)

    def make_pdf():
        threads.append(QThread.currentThread() is gui)
        return printing.casebook(store, doctor, trial.pid)

    task = show_print_preview(window, make_pdf, "KTS11-H-001_casebook.pdf")
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    dialog = window.findChild(PrintPreviewDialog)
    assert dialog is not None and dialog.isVisible() and threads == [False]
    assert dialog.page_count() == _pages(task.result)
    assert dialog.windowTitle() == "Print preview — KTS11-H-001_casebook.pdf"
    assert _prints(store) == printed_before + 1  # audited once, by the service
    dialog.close_button.click()
    qtbot.waitUntil(lambda: window.findChild(PrintPreviewDialog) is None, timeout=3000)  # deleted on close


def test_show_print_preview_reports_errors_and_opens_nothing(qtbot, store, users, trial, private_tmp,
                                                              no_message_boxes):
    window = QWidget()
    qtbot.addWidget(window)
    doctor = users[Role.INVESTIGATOR]
    task = show_print_preview(window, lambda: printing.casebook(store, doctor, "no-such-id"), "x.pdf")
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert window.findChild(PrintPreviewDialog) is None
    assert no_message_boxes == [("warning", "Not printed", "No such participant.")]
