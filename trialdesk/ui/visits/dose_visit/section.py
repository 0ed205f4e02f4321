"""What the sections of a dose visit share: the group-box frame, and the lines saying who corrected what."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

_tr = lambda text: QCoreApplication.translate("DoseVisitSection", text)  # noqa: E731


class Section(QGroupBox):
    """A numbered part of the dose visit ("1 · Pre-dose blood results"): a titled box; ``box`` is its layout.
    (Each subclass sets its own title with its own ``tr()``: Qt's translation context is the class name.)

    Signals:
        finished(): new entries of this section were saved; the visit moves the keyboard on to the next step.
    """

    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(6, 6, 6, 6)

    def first_input(self) -> QWidget | None:
        """Where typing starts in this section: its first enabled, empty text field, else its first enabled
        input (``chain`` is the section's tab order)."""
        from PySide6.QtWidgets import QLineEdit

        usable = [w for w in getattr(self, "chain", ()) if w.isEnabled() and w.isVisibleTo(self)]
        empty = [w for w in usable if isinstance(w, QLineEdit) and not w.text()]
        return (empty or usable or [None])[0]


def change_lines(changes: Iterable) -> tuple[list[str], dict[str, list[str]]]:
    """Readable lines of corrections (all, and by field): when, who, field old → new, why. The audit reader
    words fields and values (registry labels, Oslo times with offset, codes as words)."""
    by_field: dict[str, list[str]] = {}
    lines = []
    for c in changes:
        line = _tr("{at} {who}: {field} {old} → {new} — {reason}").format(
            at=c.at, who=c.username, field=c.label, old=c.old or _tr("(empty)"), new=c.new or _tr("(empty)"),
            reason=c.reason)
        lines.append(line)
        by_field.setdefault(c.field, []).append(line)
    return lines, by_field


def mark_changed(widgets: dict[str, QWidget], by_field: dict[str, list[str]]) -> None:
    """Each field's corrections as its tooltip (empty when it was never changed)."""
    for name, widget in widgets.items():
        text = "\n".join(by_field.get(name, ()))
        widget.setToolTip(_tr("Changed: {changes}").format(changes=text) if text else "")
