"""Long jobs (PDFs, exports) off the GUI thread, results back on it: a small QueryOp (issue 6, point 2)."""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from trialdesk.ui.i18n import error_text

__all__ = ["BUSY_DELAY_MS", "BUSY_DIALOG_NAME", "BackgroundTask", "is_busy", "run_in_background", "run_with_progress",
           "show_error", "wait_for_idle", "wait_visibly"]

T = TypeVar("T")

# The progress dialog appears only for jobs that last longer than this (a visit summary takes
# ~150 ms and should not flash a dialog); the wait cursor and the input block start at once.
BUSY_DELAY_MS = 400
BUSY_DIALOG_NAME = "trialdesk-busy"

_pool: QThreadPool | None = None
_running: set[BackgroundTask] = set()  # strong references until on_done / on_error has run


def _store_pool() -> QThreadPool:
    """The one pool for store work. One thread: the SQLCipher connection is shared
    (check_same_thread=False) and must never be used by two jobs at once."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("trialdesk-store-jobs")
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)  # keep the thread: one job after another, no re-spawning
    return _pool


class BackgroundTask(QObject, Generic[T]):
    """One job handed to :func:`run_in_background`; lives in the GUI thread.

    Attributes:
        label: what the busy indicator says while the job runs.
        done: True once ``on_done`` or ``on_error`` has been called (on the GUI thread).
        result / error: what the job returned or raised (``error`` is None on success).
    """

    # Emitted from the worker thread; connected with QueuedConnection to slots of this object,
    # which lives in the GUI thread, so the slots always run there.
    _succeeded = Signal(object)
    _failed = Signal(object)
    _progressed = Signal(str, float)
    finished = Signal()  # after on_done / on_error (tests and callers may wait on it)

    def __init__(self, parent: QWidget | None, work: Callable[[], T], on_done: Callable[[T], None],
                 on_error: Callable[[BaseException], None] | None, label: str):
        super().__init__()  # no Qt parent: the parent widget may be deleted while the job runs
        self._parent = parent
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self.label = label
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self._succeeded.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self.progress: tuple[str, float] | None = None

    def report(self, text: str, fraction: float) -> None:
        """From the worker thread: how far the job has come (``fraction`` 0..1) and what it does now; the
        progress dialog shows it."""
        self._progressed.emit(text, float(fraction))

    @Slot(str, float)
    def _show_progress(self, text: str, fraction: float) -> None:
        self.progress = (text, fraction)
        _indicator().progressed(self)

    # --- worker thread --------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            value = self._work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._failed.emit(exc)
        else:
            self._succeeded.emit(value)

    # --- GUI thread -----------------------------------------------------------------------------

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    @Slot(object)
    def _deliver_result(self, value) -> None:
        self.result = value
        _indicator().job_ended(self)  # first: on_done may open a modal dialog that needs input
        try:
            if self._parent_alive():  # a closed window gets no result: nothing to show it in
                self._on_done(value)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        self.error = exc
        _indicator().job_ended(self)  # first: the message box needs the user's input
        try:
            if self._on_error is not None:
                self._on_error(exc)
            else:
                show_error(self._parent if self._parent_alive() else None, exc, self.label)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.done = True
        _running.discard(self)
        self.finished.emit()


class _Job(QRunnable):
    """The QRunnable the pool runs; it only calls the task's worker side."""

    def __init__(self, task: BackgroundTask):
        super().__init__()
        self.setAutoDelete(True)
        self._task = task

    def run(self) -> None:
        self._task._run()


def show_error(parent: QWidget | None, exc: BaseException, label: str = "") -> None:
    """The default ``on_error``: a message box with the translated error (unexpected errors are
    also printed with their traceback on stderr for the developers; it holds no clinical values)."""
    from trialdesk.errors import TrialDeskError

    if not isinstance(exc, TrialDeskError):
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    title = label or QCoreApplication.translate("tasks", "TrialDesk")
    QMessageBox.warning(parent, title, error_text(exc))


class _InputBlocker(QObject):
    """Swallows the user's input (mouse, keys, wheel, shortcuts, window close) while store jobs run.

    Why: the GUI thread shares the store's connection with the worker; a save clicked during a
    print would interleave the two transactions. The event loop keeps running (repaints, timers).
    """

    BLOCKED = frozenset({
        QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride, QEvent.Type.TouchBegin, QEvent.Type.ContextMenu, QEvent.Type.Drop,
    })

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in self.BLOCKED:
            # A message box or dialog opened by an on_done / on_error while other jobs are still
            # queued must stay usable: let input through to the active modal window (not ours).
            modal = QApplication.activeModalWidget()
            target = watched if isinstance(watched, QWidget) else watched.parent()
            if (modal is not None and modal.objectName() != BUSY_DIALOG_NAME and isinstance(target, QWidget)
                    and (target is modal or modal.isAncestorOf(target))):
                return False
            return True
        if kind == QEvent.Type.Close and event.spontaneous():  # the window's X: wait for the job
            event.ignore()
            return True
        return False


class _BusyIndicator(QObject):
    """The shared busy state of all pending jobs: wait cursor and input block at once, a
    window-modal progress dialog (busy bar, no cancel: a PDF cannot be half made) after
    :data:`BUSY_DELAY_MS`."""

    def __init__(self):
        super().__init__()
        self.pending: list[BackgroundTask] = []
        self.dialog: QProgressDialog | None = None
        self.blocker = _InputBlocker()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._show_dialog)

    def job_started(self, task: BackgroundTask) -> None:
        self.pending.append(task)
        if len(self.pending) == 1:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self.blocker)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.timer.start(BUSY_DELAY_MS)
        elif self.dialog is not None and task.label:
            self._set_label(task.label)

    def job_ended(self, task: BackgroundTask) -> None:
        if task not in self.pending:
            return
        self.pending.remove(task)
        if self.pending:
            if self.dialog is not None:
                self._set_label(self._label())
            return
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.blocker)
        QApplication.restoreOverrideCursor()
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    def progressed(self, task: BackgroundTask) -> None:
        dialog = self.dialog
        if dialog is None or task.progress is None or task not in self.pending:
            return
        text, fraction = task.progress
        self._set_label(f"{task.label}\n{text}" if task.label else text)
        dialog.setRange(0, 100)
        # Last: a window-modal QProgressDialog processes events in setValue, and the job may end meanwhile.
        dialog.setValue(max(0, min(100, round(fraction * 100))))

    def _set_label(self, text: str) -> None:
        self.dialog.setLabelText(text)
        needed = self.dialog.fontMetrics().horizontalAdvance(text) + 60
        self.dialog.setMinimumWidth(max(self.dialog.minimumWidth(), needed))

    def _label(self) -> str:
        for task in reversed(self.pending):
            if task.label:
                return task.label
        return QCoreApplication.translate("tasks", "Working…")

    def _show_dialog(self) -> None:
        if not self.pending or self.dialog is not None:
            return
        parent = next((t._parent for t in self.pending if t._parent is not None and t._parent_alive()), None)
        dialog = QProgressDialog(self._label(), "", 0, 0, parent.window() if parent is not None else None)
        dialog.setObjectName(BUSY_DIALOG_NAME)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(QCoreApplication.translate("tasks", "Please wait"))
        dialog.setAccessibleName(QCoreApplication.translate("tasks", "Busy"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # QProgressDialog sizes itself before the label is laid out and clips long file names.
        dialog.setMinimumWidth(max(380, dialog.fontMetrics().horizontalAdvance(self._label()) + 60))
        self.dialog = dialog
        dialog.show()
        for task in self.pending:
            if task.progress is not None:
                self.progressed(task)

    @property
    def visible(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()


_busy: _BusyIndicator | None = None


def _indicator() -> _BusyIndicator:
    """The busy indicator, built on first use (in the GUI thread, after the QApplication)."""
    global _busy
    if _busy is None:
        _busy = _BusyIndicator()
    return _busy


def run_in_background(parent: QWidget | None, work: Callable[[], T], on_done: Callable[[T], None],
                      on_error: Callable[[BaseException], None] | None = None, label: str = "") -> BackgroundTask[T]:
    """Run ``work()`` on the store's worker thread; call ``on_done(result)`` or ``on_error(exc)``
    on the GUI thread afterwards (default ``on_error``: a message box with ``i18n.error_text``).

    Never touch widgets inside ``work()``: it runs on another thread. Compute there (services
    calls, PDF bytes), show in ``on_done``. Jobs run one at a time in the order given (the store's
    connection is shared). While any job is pending the user's input is held back and a wait cursor
    shows; after :data:`BUSY_DELAY_MS` a progress dialog saying ``label`` appears. If ``parent``
    was deleted before the job finished, ``on_done`` is not called.

    Must be called from the GUI thread. Returns the task (``task.done``, ``task.finished``).
    """
    app = QCoreApplication.instance()
    if app is None or threading.current_thread() is not threading.main_thread():
        raise RuntimeError("run_in_background must be called from the GUI thread of a running QApplication")
    task: BackgroundTask[T] = BackgroundTask(parent, work, on_done, on_error, label)
    _running.add(task)
    _indicator().job_started(task)
    _store_pool().start(_Job(task))
    return task


def run_with_progress(parent: QWidget | None, work: Callable[[Callable[[str, float], None]], T],
                      on_done: Callable[[T], None], on_error: Callable[[BaseException], None] | None = None,
                      label: str = "") -> BackgroundTask[T]:
    """:func:`run_in_background` for a job that tells how far it has come: ``work(report)`` calls
    ``report(text, fraction)`` (from its thread) and the progress dialog shows a bar and the text."""
    holder: list[BackgroundTask] = []
    ready = threading.Event()

    def job():
        ready.wait()
        return work(lambda text, fraction: holder[0].report(text, fraction))

    task = run_in_background(parent, job, on_done, on_error, label)
    holder.append(task)
    ready.set()
    return task


def wait_visibly(work: Callable[[Callable[[str, float], None]], T], label: str,
                 parent: QWidget | None = None) -> T:
    """Run ``work`` as :func:`run_with_progress` does and wait for it with the event loop running, so the progress
    dialog shows and the screen is repainted (quitting waits for the backup, visibly); returns its result or
    raises what it raised."""
    from PySide6.QtCore import QEventLoop

    outcome: dict[str, object] = {}
    loop = QEventLoop()
    task = run_with_progress(parent, work, lambda value: outcome.setdefault("value", value),
                             lambda exc: outcome.setdefault("error", exc), label)
    task.finished.connect(loop.quit)
    if not task.done:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")  # type: ignore[return-value]


def is_busy() -> bool:
    """True while any background job is pending or its result is not yet delivered."""
    return bool(_running)


def wait_for_idle(msecs: int = 30_000) -> bool:
    """Block until the worker thread is idle (on quit, before the store is closed). The results
    queued for the GUI thread are then delivered by the next event-loop pass."""
    return _store_pool().waitForDone(msecs)
