"""The participant workspace's Print menu: every document this participant has, each opening a preview."""

from __future__ import annotations

import pytest

from tests.printouts.trial_data import build_trial
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
