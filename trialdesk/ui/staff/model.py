"""Table model of the staff accounts (frozen :class:`~trialdesk.domain.people.User` rows from services.auth)."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from trialdesk.domain.people import User
from trialdesk.services import auth, formats
from trialdesk.ui.record_words import code_word, codes, heading
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("StaffTableModel", text)  # noqa: E731

ROLES = codes("users", "role")


def role_text(code: str) -> str:
    """A role code as a word in the UI language (the record registry's word)."""
    return code_word("users", "role", code)


def _yes(flag: bool) -> str:
    return _tr("yes") if flag else ""


class StaffTableModel(RowTableModel):
    """Rows of :class:`User`; ``ROW_ROLE`` returns the user. "Locked" is judged when the rows are set."""

    def __init__(self, parent=None):
        self._locked: dict[str, bool] = {}
        super().__init__(parent)

    def set_rows(self, rows) -> None:
        self._locked = {u.id: auth.is_locked(u) for u in rows}
        super().set_rows(rows)

    def columns(self) -> tuple[tuple[str, Callable[[User], Any]], ...]:
        return (
            (heading("users", "username"), lambda u: u.username),
            (heading("users", "full_name"), lambda u: u.full_name),
            (heading("users", "role"), lambda u: role_text(u.role.value)),
            (heading("users", "active"), lambda u: _tr("yes") if u.active else _tr("no (deactivated)")),
            (_tr("Locked"), lambda u: _yes(self._locked.get(u.id, False))),
            (_tr("Unblinded"), lambda u: _yes(u.unblinded)),
            (_tr("Password set"), lambda u: formats.moment(u.password_set_at, ui_language(), offset=False)
             + (" · " + _tr("temporary") if u.must_change_password else "")),
        )

    def locked(self, user: User) -> bool:
        return self._locked.get(user.id, False)
