"""The Norwegian Bokmål translation: complete, faithful to placeholders and mnemonics, and loadable."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from tests.conftest import at_noon, main_window

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "trialdesk_nb.ts"
QM = TS.with_suffix(".qm")

# {name} fields of str.format, Qt's %1..%99 and %n
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\d{1,2}|%n")


def _mnemonics(text: str) -> int:
    """Single '&' (a mnemonic); '&&' is a literal ampersand and does not count."""
    return text.replace("&&", "").count("&")


def _messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) for every finished translation in the .ts."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            for form in forms:
                out.append((name, msg.findtext("source") or "", form))
    return out


def test_translation_is_in_step_with_the_code():
    """Every UI string and error message has a finished Norwegian translation."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (
        "tools/i18n.py check failed — run 'python tools/i18n.py update', translate, then 'release':\n"
        + result.stdout + result.stderr)


def test_translations_keep_placeholders_and_mnemonics():
    messages = _messages()
    assert messages, f"no finished translations in {TS}"
    problems = []
    for context, source, translation in messages:
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            problems.append(f"{context}: placeholders differ: {source!r} -> {translation!r}")
        if _mnemonics(source) != _mnemonics(translation):
            problems.append(f"{context}: '&' mnemonics differ: {source!r} -> {translation!r}")
        if source.count("&&") != translation.count("&&"):
            problems.append(f"{context}: '&&' differs: {source!r} -> {translation!r}")
    assert not problems, "\n".join(problems)


def test_translations_keep_leading_and_trailing_whitespace():
    problems = [f"{context}: {source!r} -> {translation!r}"
                for context, source, translation in _messages()
                if (source[:1].isspace(), source[-1:].isspace())
                != (translation[:1].isspace(), translation[-1:].isspace())]
    assert not problems, "\n".join(problems)


def test_compiled_translation_is_loaded(qapp):
    from trialdesk.ui import i18n

    assert QM.exists(), "run 'python tools/i18n.py release'"
    try:
        assert i18n.install(qapp, "nb") == "nb"
        assert QCoreApplication.translate("LoginDialog", "Sign in") == "Logg inn"
        assert QCoreApplication.translate("errors", "Wrong password.") == "Feil passord."
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("LoginDialog", "Sign in") == "Sign in"


def test_error_text_is_translated_and_filled_in(qapp):
    from trialdesk.errors import TrialDeskError
    from trialdesk.ui import i18n

    exc = TrialDeskError("Sign with your own user name ({username}).", username="kari")
    try:
        i18n.install(qapp, "nb")
        assert i18n.error_text(exc) == "Signer med ditt eget brukernavn (kari)."
    finally:
        i18n.install(qapp, "en")


@pytest.fixture
def norwegian(qapp):
    """The Norwegian UI for one test (windows built after this fixture are in Bokmål), then English again."""
    from trialdesk.ui import i18n

    i18n.install(qapp, "nb")
    yield
    i18n.install(qapp, "en")


def _mnemonic_clashes(window) -> dict[str, list[str]]:
    """Alt+letter keys used more than once by the visible labels (with a buddy), buttons and tabs."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    keys: dict[str, list[str]] = {}
    for text in texts:
        match = re.search(r"&([^&])", text)
        if match:
            keys.setdefault(match.group(1).lower(), []).append(text)
    return {key: found for key, found in keys.items() if len(found) > 1}


def test_norwegian_mnemonics_are_unique_on_each_participant_page(norwegian, qtbot, store, users):
    from tests.ui.test_screening_flow import BORN
    from trialdesk.domain.people import Role
    from trialdesk.services import participants as ps

    investigator = users[Role.INVESTIGATOR]
    pid = ps.register_candidate(store, investigator, sex="F", birth_date=BORN,
                                childbearing_potential=True, identity=None).participant_id
    window = main_window(qtbot, store, investigator)
    window.select_participant(pid)
    ws = window.workspace
    tabs = [ws.tabText(i) for i in range(ws.count())]
    assert "&Oversikt" in tabs, tabs  # the window really is in Bokmål
    for page in range(ws.count()):
        ws.setCurrentIndex(page)
        assert not _mnemonic_clashes(window), (tabs[page], _mnemonic_clashes(window))


@pytest.mark.parametrize("tab", ["injections_page", "ae_page", "trend", "timeline"])
def test_norwegian_mnemonics_are_unique_on_visit_tabs(norwegian, qtbot, store, doctor, nurse, tab):
    from tests.ui.test_visits_flow import enrol_due_today

    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.select_participant(pid)
    window.workspace.setCurrentWidget(getattr(window.workspace.visit_tabs, tab))
    assert not _mnemonic_clashes(window), (tab, _mnemonic_clashes(window))


def test_every_registry_word_is_in_the_catalogue_and_translated():
    """The record registry's names, labels and code words (context "records") are all in the .ts, translated;
    where the screens already had a word, the registry's Bokmål is the very same word."""
    from trialdesk.domain import records
    from trialdesk.services import words

    missing = sorted(w for w in records.words() if not words.has(records.CONTEXT, w, "nb"))
    assert not missing, missing
    assert words.translate(records.CONTEXT, "kit number", "nb") == "kitnummer"
    # Statuses have one source: the register and the printouts both word them from the registry.
    from trialdesk.services import printout_words
    from trialdesk.ui.participants.model import ParticipantTableModel  # noqa: F401  (its words are the registry's)
    assert printout_words.STATUSES["enrolled"].context == records.CONTEXT
    assert words.translate(records.CONTEXT, "Enrolled (baseline)", "nb") == "Inkludert (før 1. dose)"
    assert not words.has("ParticipantTableModel", "Enrolled (baseline)", "nb")  # no second copy to drift
    assert words.translate(records.CONTEXT, "definitely related", "nb") == words.translate(
        "visits", "definitely related", "nb")


@pytest.mark.parametrize("language", ["en", "nb"])
def test_given_dose_and_its_correction_have_unique_mnemonics(qapp, qtbot, store, doctor, nurse, language, clock):
    from tests.services.test_visits import administration, prepare_d1
    from tests.ui.test_visits_flow import enrol_due_today
    from trialdesk.services import visits as vs
    from trialdesk.ui import i18n

    at_noon(clock)  # the samples are drawn two hours before "now": not a test of the night
    pid = enrol_due_today(store, doctor)
    now = vs.utc_now()
    prepare_d1(store, nurse, pid, when=now)
    vs.record_administration(store, nurse, pid, "D1", administration(now), now=now)
    i18n.install(qapp, language)
    try:
        window = main_window(qtbot, store, nurse)
        window.open_dose_visit(pid, "D1")
        visit = window.workspace.visit_tabs.injections
        assert visit.correct_admin_button.isVisibleTo(window)
        assert not _mnemonic_clashes(window), _mnemonic_clashes(window)
        visit.correct_admin_button.click()
        assert not _mnemonic_clashes(window), _mnemonic_clashes(window)
    finally:
        i18n.install(qapp, "en")


def test_history_tab_in_norwegian(norwegian, qtbot, store, nurse, doctor, clock):
    from tests.services.test_visits import administration, prepare_d1
    from tests.ui.test_visits_flow import enrol_due_today
    from trialdesk.services import visits as vs

    at_noon(clock)  # the samples are drawn two hours before "now": not a test of the night
    pid = enrol_due_today(store, doctor)
    now = vs.utc_now()
    prepare_d1(store, nurse, pid, when=now)
    vs.record_administration(store, nurse, pid, "D1", administration(now), now=now)
    window = main_window(qtbot, store, nurse)
    window.select_participant(pid)
    register = window.model
    assert register.data(register.index(0, 3)) == "Injeksjon 2"  # next visit, in the UI language
    window.workspace.setCurrentWidget(window.workspace.history_page)  # the History tab loads when shown
    model = window.workspace.history_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Når (Oslo-tid)", "Hvem", "Hva", "Felt", "Gammel", "Ny", "Hvorfor"]
    cells = [[str(model.data(model.index(r, c))) for c in range(model.columnCount())] for r in range(model.rowCount())]
    kit = next(row for row in cells if row[3] == "kitnummer")
    assert kit[2] == "Injeksjon D1 registrert" and kit[5] == "KIT-000123"
    assert any(row[2] == "Blodprøvesvar D1 Trombocytter registrert" for row in cells)
    site = next(row for row in cells if row[3] == "injeksjonssted")
    assert site[5] == "abdomen venstre"
    temp = next(row for row in cells if row[3] == "temperatur før")
    assert temp[5] == "36,8"
    status = next(row for row in cells if row[3] == "status" and row[2].startswith("Deltaker"))
    assert (status[4], status[5]) == ("Inkludert (før 1. dose)", "Under behandling")
    started = next(row for row in cells if row[3] == "startet")
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d \(UTC\+0[12]:00\)", started[5]), started[5]


def test_choices_roles_and_signature_words_in_norwegian(norwegian, qtbot, store, nurse):
    """Texts kept in tables (AE choices, SAE criteria, roles, signature meanings) reach the Norwegian UI too."""
    from trialdesk.services import screening as screening_service
    from trialdesk.services import visits as vs
    from trialdesk.ui.i18n import signature_words
    from trialdesk.ui.visits.adverse_events import AdverseEventDialog

    dialog = AdverseEventDialog(lambda values: values)
    qtbot.addWidget(dialog)
    items = {combo: [combo.itemText(i) for i in range(combo.count())]
             for combo in (dialog.causality, dialog.action_taken, dialog.outcome)}
    assert "ikke relatert" in items[dialog.causality] and "sikkert relatert" in items[dialog.causality]
    assert "restituert" in items[dialog.outcome] and "dødelig" in items[dialog.outcome]
    assert "dose utsatt" in items[dialog.action_taken]
    assert dialog.criteria["sae_hospitalisation"].text() == "AUH: krever eller forlenger sykehusinnleggelse"
    window = main_window(qtbot, store, nurse)
    assert "(Studiesykepleier)" in window.session_label.text()
    assert signature_words(vs.MEANING_OVERRIDE) == "NO-GO overstyrt av utprøver"
    assert signature_words(screening_service.ATTESTATION).startswith("Ved å signere bekrefter jeg")


def test_lab_entry_speaks_norwegian(norwegian, qtbot, store, doctor, nurse):
    """Analyte names and the 'not possible — did you mean' message at the field, in Bokmål."""
    from tests.ui.test_visits_flow import enrol_due_today

    pid = enrol_due_today(store, doctor)
    window = main_window(qtbot, store, nurse)
    window.open_dose_visit(pid, "D1")
    rows = window.workspace.visit_tabs.injections.labs.rows
    assert rows["PLT"].label.text() == "Trombocytter" and rows["IGG"].label.text() == "IgG *"
    rows["NK"].value.setText("125")
    rows["NK"].unit.setCurrentIndex(rows["NK"].unit.findData("10^9/L"))
    message = rows["NK"].error.text()
    assert "er ikke mulig" in message and "mente du ×10⁶/L?" in message, message
    rows["HB"].value.setText("13x")
    assert rows["HB"].error.text() == "«13x» er ikke et tall: det inneholder bokstaver"


def test_qt_dialog_buttons_in_norwegian(norwegian, qtbot):
    """Qt ships no Bokmål catalogue: the standard buttons come from TrialDesk's own translation."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    message = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ja"


def test_no_translation_call_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr() there is never translated."""
    import ast

    found = []
    for path in sorted((ROOT / "trialdesk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call):
                        name = getattr(call.func, "attr", getattr(call.func, "id", ""))
                        if name in ("tr", "_tr", "translate"):
                            found.append(f"{path.name}:{call.lineno}")
    assert not found, found


def test_history_values_read_as_words(store, nurse, doctor, clock):
    """Codes in the History tab become words; version numbers keep their point; decimals get a comma."""
    from tests.services.test_visits import _ae, administration, prepare_d1
    from tests.ui.test_visits_flow import enrol_due_today
    from trialdesk.services import history as history_service
    from trialdesk.services import visits as vs

    at_noon(clock)  # the samples are drawn two hours before "now": not a test of the night
    pid = enrol_due_today(store, doctor)
    now = vs.utc_now()
    prepare_d1(store, nurse, pid, when=now)
    vs.record_administration(store, nurse, pid, "D1", administration(now), now=now)
    vs.record_adverse_event(store, nurse, pid, _ae(), dose_code="D1")
    rows = history_service.history(store, nurse, pid, language="nb")
    ae = [r for r in rows if r.source.table == "adverse_events"]
    term = next(r for r in ae if r.column.column == "term")
    assert term.record == "Uønsket hendelse 1" and "_" not in term.new
    assert next(r for r in ae if r.column.column == "ctcae_version").new == "5.0"
    temp = next(r for r in rows if r.source.table == "administrations" and r.column.column == "temp_pre")
    assert "," in temp.new and "." not in temp.new


def test_words_of_code_without_qt_are_collected():
    """tools/i18n.py finds the printouts' words (Word entries, f.tr(...) through a translate alias with a default
    context imported from another module) and the explanations' QT_TRANSLATE_NOOP markers."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n as tool
    finally:
        sys.path.pop(0)
    found = tool.alias_messages(tool.QT_FREE_SOURCES)
    for key in (("printouts", "Informed consent"), ("printouts", "Consent"), ("AdverseEventDialog", "Verbatim term"),
                ("printouts", "Term (CTCAE v{version})"), ("PrintPreviewDialog", "Page {page} of {count}"),
                ("visits", "not related"), ("Explanation", "{analyte}: no pre-dose result")):
        assert key in found, key
    assert not [key for key in found if not key[0] or not key[1]]
