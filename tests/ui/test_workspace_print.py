"""The participant workspace's Print menu: every document this participant has, each opening a preview."""

from __future__ import annotations

import pytest

from tests.printouts.trial_data import build_trial
from tests.services.test_visits import enrolled  # noqa: F401  (fixture)
from trialdesk.domain.people import Role
from trialdesk.ui import tasks
from trialdesk.ui.participants.workspace import ParticipantWorkspace
from trialdesk.ui.print_preview import PrintPreviewDialog


@pytest.fixture
def trial(store, users):
    return build_trial(store, users)


def _prints(store):
    return store.db.execute("SELECT count(*) FROM audit WHERE action = 'PRINT'").fetchone()[0]


def test_print_menu_lists_the_documents_and_opens_a_preview(qtbot, store, users, trial):
    workspace = ParticipantWorkspace(store, users[Role.INVESTIGATOR])
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_participant(trial.pid)
    workspace.print_menu.aboutToShow.emit()
    texts = [a.text() for a in workspace.print_menu.actions()]
    assert texts[0] == "Consent form for signature" and texts[1] == "Screening summary"
    assert any(t.startswith("Visit summary: Injection 1") for t in texts)
    assert any(t.startswith("SAE report:") for t in texts)
    assert texts[-1].startswith("Casebook")
    before = _prints(store)
    workspace.print_menu.actions()[-1].trigger()
    qtbot.waitUntil(lambda: workspace.findChild(PrintPreviewDialog) is not None, timeout=30_000)
    dialog = workspace.findChild(PrintPreviewDialog)
    assert dialog.page_count() >= 2 and _prints(store) == before + 1
    dialog.close_button.click()
    tasks.wait_for_idle()


def test_administrator_cannot_print(qtbot, store, users, trial):
    workspace = ParticipantWorkspace(store, users[Role.ADMINISTRATOR])
    qtbot.addWidget(workspace)
    assert not workspace.print_button.isEnabled()


def test_print_menu_has_a_contact_summary_for_every_recorded_contact(qtbot, store, users, enrolled, clock):  # noqa: F811
    """PH1 recorded (a call not reached counts: it is documented), PH2 not: the menu offers PH1's summary only,
    worded with the visit's label, and it opens a preview of that contact."""
    from tests.services.test_contacts import PH1_DAY, at, call
    from tests.services.test_visits import _given_d1
    from trialdesk.services import visits as vs

    at(clock, PH1_DAY)
    _given_d1(store, users[Role.NURSE], enrolled)
    vs.record_contact_attempt(store, users[Role.NURSE], enrolled, "PH1", call(PH1_DAY, 9, "no_answer"))
    workspace = ParticipantWorkspace(store, users[Role.NURSE])
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_participant(enrolled)
    workspace.print_menu.aboutToShow.emit()
    contacts = [a for a in workspace.print_menu.actions() if a.text().startswith("Contact summary:")]
    assert [a.text() for a in contacts] == ["Contact summary: Phone follow-up, week 8"], [a.text() for a in contacts]
    before = _prints(store)
    contacts[0].trigger()
    qtbot.waitUntil(lambda: workspace.findChild(PrintPreviewDialog) is not None, timeout=30_000)
    dialog = workspace.findChild(PrintPreviewDialog)
    assert dialog.page_count() >= 1 and _prints(store) == before + 1
    dialog.close_button.click()
    tasks.wait_for_idle()
