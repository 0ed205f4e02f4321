"""The "Injections" tab, one module per section: blood results, pre-dose checks, injection (with "adverse event at
this visit"), the go / no-go column, and the widget composing them."""

from __future__ import annotations

from trialdesk.ui.visits.dose_visit.blood_results import (
    BloodResultsSection,
    LabCorrectionDialog,
    entered_text,
)
from trialdesk.ui.visits.dose_visit.go_no_go import GoNoGoSection
from trialdesk.ui.visits.dose_visit.injection import (
    ATTESTATION_OVERRIDE,
    InjectionSection,
)
from trialdesk.ui.visits.dose_visit.pre_dose import PreDoseSection
from trialdesk.ui.visits.dose_visit.widget import DoseVisitWidget

__all__ = [
    "ATTESTATION_OVERRIDE", "BloodResultsSection", "DoseVisitWidget", "GoNoGoSection", "InjectionSection",
    "LabCorrectionDialog", "PreDoseSection", "entered_text",
]
