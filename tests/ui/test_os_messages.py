"""What the disk and the OS refuse reaches the screen as one clear line in the UI language, never "unexpected error
(…Error)" (issue 14, point 4)."""

from __future__ import annotations

import errno

import pytest
import sqlcipher3
from PySide6.QtCore import QCoreApplication

from trialdesk.errors import StoreError
from trialdesk.ui import i18n


@pytest.fixture
def bokmal(qapp):
    i18n.install(qapp, "nb")
    yield
    i18n.install(qapp, "en")


@pytest.mark.parametrize("exc, english, norwegian", [
    (OSError(errno.ENOSPC, "No space left on device"), "the disk is full", "disken er full"),
    (sqlcipher3.OperationalError("database or disk is full"), "the disk is full", "disken er full"),
    (PermissionError(errno.EACCES, "Permission denied"), "permission denied", "ingen tilgang"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "a part of the path is too long", "en del av stien er for lang"),
])
def test_a_refusal_of_the_os_is_one_translated_line(qapp, exc, english, norwegian, bokmal):
    text = i18n.error_text(exc)
    assert text == f"Ikke utført: {norwegian}. Ingenting mer ble endret; det du skrev, står fortsatt på skjermen."
    i18n.install(qapp, "en")
    assert i18n.error_text(exc).startswith(f"Not done: {english}.")
    assert "nexpected" not in i18n.error_text(exc)


def test_the_problem_in_a_message_is_translated_too(qapp, bokmal):
    exc = StoreError("Cannot restore {path}: {problem}. The store was left as it was.", path="/x.db",
                     problem="the disk is full")
    assert i18n.error_text(exc) == "Kan ikke gjenopprette /x.db: disken er full. Lageret ble latt være som det var."
    assert QCoreApplication.translate("errors", "the disk is full") == "disken er full"




def test_a_save_on_a_full_disk_keeps_what_was_typed_and_says_the_disk_is_full(qtbot, small_disk, tmp_path):
    import shutil

    from PySide6.QtWidgets import QDialogButtonBox

    from tests.conftest import ADMIN_PASSWORD, PASSWORD
    from trialdesk.domain.people import Role
    from trialdesk.services import auth
    from trialdesk.services import participants as ps
    from trialdesk.services import workstation as ws
    from trialdesk.services.demo import synthetic_id_number
    from trialdesk.ui.participants.candidate_dialog import NewCandidateDialog

    setup = ws.setup_workstation(small_disk / "data", site_code="H", site_name="Haukeland", admin_username="admin",
                                 admin_full_name="Ada Admin", admin_password=ADMIN_PASSWORD,
                                 recovery_sheet=tmp_path / "r.pdf", training=True)
    store = setup.store
    try:
        doctor = auth.create_user(store, setup.admin, username="doctor", full_name="Dina Doktor",
                                  role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)

        def submit(values):
            return ps.register_candidate(store, doctor, sex=values.sex, birth_date=values.birth_date,
                                         childbearing_potential=values.childbearing_potential,
                                         identity=values.identity, sex_mismatch_confirmed=values.sex_mismatch_confirmed)

        dialog = NewCandidateDialog(submit, with_identity=True)
        qtbot.addWidget(dialog)
        dialog.show()
        from datetime import date

        number = synthetic_id_number(date(1985, 4, 12), "F")
        dialog.sex.setCurrentIndex(dialog.sex.findData("F"))
        dialog.birth_date.setText("12.04.1985")
        dialog.childbearing.set_value(False)
        dialog.full_name.setText("Testperson Alfa")
        dialog.id_number.setText(number)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the next write must grow the files
        free = shutil.disk_usage(small_disk).free
        with open(small_disk / "filler", "wb") as handle:
            handle.write(b"\0" * free)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible()
        assert dialog.error.text().startswith("The disk is full: nothing was saved. What you typed is still on screen")
        assert (dialog.full_name.text(), dialog.id_number.text(), dialog.birth_date.text()) == (
            "Testperson Alfa", number, "12.04.1985")
        (small_disk / "filler").unlink()
        assert ps.list_participants(store, doctor) == []
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # room again: the same input saves
        assert not dialog.isVisible()
        assert len(ps.list_participants(store, doctor)) == 1
    finally:
        store.close()
