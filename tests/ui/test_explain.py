"""Explanations in the UI through Qt's translator: Norwegian with decimal commas and 26.11.2026 dates
(the go / no-go panel of a real store included), English exactly as the record."""

from __future__ import annotations

import re

import pytest

from tests.services.test_explain import SAMPLES
from tests.services.test_visits import D1_DAY, administration, enrolled, entries, prepare_d1  # noqa: F401
from trialdesk.errors import ValidationError
from trialdesk.services import visits as vs
from trialdesk.services.explain import in_language
from trialdesk.ui import i18n
from trialdesk.ui.explain import explain
from trialdesk.ui.widgets import local_dates

_DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


@pytest.fixture
def norwegian(qapp):
    i18n.install(qapp, "nb")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def english(qapp):
    i18n.install(qapp, "en")


@pytest.mark.parametrize("explanation", SAMPLES, ids=lambda e: e.code)
def test_norwegian_through_qt_is_the_printout_wording(norwegian, explanation):
    """The compiled .qm is in step with the .ts and the printouts' table, for every code."""
    assert explain(explanation) == in_language(explanation, "nb")


@pytest.mark.parametrize("explanation", SAMPLES, ids=lambda e: e.code)
def test_english_is_the_record(english, explanation):
    """English mode shows Explanation.text(), with dates as the whole UI shows them."""
    assert explain(explanation) == local_dates(explanation.text())


def test_go_no_go_panel_reads_norwegian_for_a_low_igg(qtbot, norwegian, store, nurse, enrolled):  # noqa: F811
    from trialdesk.ui.visits.go_panel import GoNoGoPanel

    prepare_d1(store, nurse, enrolled, labs=entries(IGG=("2,5", "g/L")))
    status = vs.go_no_go(store, nurse, enrolled, "D1", now=D1_DAY)
    panel = GoNoGoPanel()
    qtbot.addWidget(panel)
    panel.show_status(status)
    text = panel.lines.text()
    assert "IgG 2,5 g/L er under sikkerhetsgrensen før dosering på 3,0 g/L" in text
    assert "D1 25.05.2026 er innenfor tidsvinduet 22.05.2026" in text or "D1 25.05.2026 er innenfor" in text
    assert "blodtype og antistoffscreening tatt 01.05.2026" in text
    assert not _DECIMAL_POINT.search(text), text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), text
    assert "NO-GO" in panel.verdict.text()
    # The record (services, exports, signatures) stays English.
    assert (False, "IgG 2.5 g/L is below the pre-dose safety limit 3.0 g/L") in status.lines


def test_no_go_error_is_worded_in_norwegian(norwegian, store, nurse, enrolled):  # noqa: F811
    prepare_d1(store, nurse, enrolled, labs=entries(IGG=("2,5", "g/L")))
    with pytest.raises(ValidationError) as err:
        vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY,
                                 override_reason="clinically judged")
    assert "IgG 2.5 g/L is below" in str(err.value)  # the CLI and logs: English
    shown = i18n.error_text(err.value)
    assert shown.startswith("NO-GO: IgG 2,5 g/L er under sikkerhetsgrensen før dosering på 3,0 g/L")
    assert shown.endswith("Bare en utprøver kan overstyre, med signert begrunnelse.")
