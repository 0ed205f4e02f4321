"""The screens' language chosen in the app and remembered per workstation (issue 13, point 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import main_window
from tests.ui.test_visits_flow import _when_shown
from trialdesk.ui import i18n
from trialdesk.ui.login_dialog import LoginDialog
from trialdesk.ui.widgets import ui_language


@pytest.fixture
def settings_folder(tmp_path, qapp, monkeypatch):
    """This workstation's settings in a temp folder (never the developer's own), no TRIALDESK_LANG."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.delenv("TRIALDESK_LANG", raising=False)
    yield tmp_path
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    qapp.setProperty("trialdesk_language", "en")


def test_the_sign_in_window_switches_language_at_once_and_remembers_it(qtbot, settings_folder, qapp):
    i18n.install(qapp, "en")
    assert i18n.saved_language() is None and i18n.start_language() is None  # never chosen: the system locale
    dialog = LoginDialog(lambda u, p: None, site="Haukeland")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "TrialDesk — sign in"
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["English", "Norsk bokmål"]
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # the keyboard alone: Alt+L, then an arrow
    assert ui_language() == "nb"
    assert dialog.windowTitle() == "TrialDesk — logg inn" and dialog.sign_in_button.text() == "Logg inn"
    assert dialog.language_label.text() == "&Språk:"
    assert i18n.saved_language() == "nb" and i18n.start_language() == "nb"
    assert (settings_folder / "Helse Bergen" / "TrialDesk.ini").read_text(encoding="utf-8").count("nb") == 1
    # TRIALDESK_LANG (or --lang) still decides when given
    assert i18n.start_language("en") == "en"


def test_the_lock_screen_offers_no_language(qtbot, settings_folder):
    dialog = LoginDialog(lambda u, p: None, site="Haukeland", fixed_username="nurse")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language.isVisible()


def test_the_file_menu_keeps_the_choice_for_the_next_start_and_says_so(qtbot, settings_folder, store, nurse, qapp):
    i18n.install(qapp, "en")
    window = main_window(qtbot, store, nurse)
    said = []
    _when_shown(__import__("PySide6.QtWidgets", fromlist=["QMessageBox"]).QMessageBox,
                lambda box: (said.append(box.text()), box.accept()))
    window.language_actions["nb"].trigger()
    assert i18n.saved_language() == "nb"
    assert window.language_actions["nb"].isChecked() and not window.language_actions["en"].isChecked()
    assert said and "fra neste oppstart" in said[0] and "from the next start" in said[0]
    assert ui_language() == "en"  # the open window stays as it is built


def test_the_file_menu_switches_at_once_on_the_same_session(qtbot, settings_folder, store, doctor, nurse, qapp,
                                                            clock):
    """The app's window (app.py) is built again in the new language: same session and user, same participant and
    tab, the choice remembered; refused, saying why, while a form holds unsaved input."""
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import at_noon
    from tests.ui.test_visits_flow import enrol_due_today
    from trialdesk.app import AppController

    at_noon(clock)
    pid = enrol_due_today(store, doctor)
    i18n.install(qapp, "en")
    controller = AppController(store.folder)
    controller.store, controller.user = store, nurse
    window = controller.show_main_window()
    window.resize(1366, 768)
    window.select_participant(pid)
    tabs = window.workspace.visit_tabs
    window.workspace.setCurrentWidget(tabs.injections_page)
    tab = window.workspace.currentIndex()
    logins = store.db.execute("SELECT count(*) FROM audit WHERE action IN ('LOGIN', 'LOGOUT')").fetchone()[0]
    try:
        window.language_actions["nb"].trigger()
        new = controller.window
        assert new is not window and not window.isVisible() and new.isVisible()
        assert ui_language() == "nb" and i18n.saved_language() == "nb"
        assert new.menuBar().actions()[0].text() == "&Fil" and new.language_actions["nb"].isChecked()
        assert new.workspace.participant_id == pid and new.workspace.currentIndex() == tab
        visit = new.workspace.visit_tabs.injections
        assert visit.step_bar.buttons[0].text().startswith("&1 · Blodprøvesvar")
        assert new.user is nurse and new.store is store  # the same session: nobody signed in again
        assert store.db.execute("SELECT count(*) FROM audit WHERE action IN ('LOGIN', 'LOGOUT')").fetchone()[0] == logins
        assert new.size().width() == 1366

        # Typed but not saved: refused, the screens and the choice stay as they are.
        said = []
        visit.labs.rows["HB"].value.setText("13,2")
        _when_shown(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
        new.language_actions["en"].trigger()
        assert said and "Dosebesøket" in said[0] and "ulagrede" in said[0], said
        assert controller.window is new and ui_language() == "nb" and i18n.saved_language() == "nb"
        assert new.language_actions["nb"].isChecked() and not new.language_actions["en"].isChecked()
        visit.labs.rows["HB"].value.clear()
        new.language_actions["en"].trigger()
        assert controller.window is not new and ui_language() == "en" and i18n.saved_language() == "en"
        assert controller.window.workspace.participant_id == pid
    finally:
        controller.window.close()
