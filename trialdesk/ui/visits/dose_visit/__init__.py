"""The "Injections" tab, one module per step: blood results, pre-dose checks, injection, adverse events at this visit;
the go / no-go column, and the widget composing them (one step shown at a time)."""

from __future__ import annotations

from trialdesk.ui.visits.dose_visit.adverse_events import AdverseEventsSection
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
    "ATTESTATION_OVERRIDE", "AdverseEventsSection", "BloodResultsSection", "DoseVisitWidget", "GoNoGoSection", "InjectionSection",
    "LabCorrectionDialog", "PreDoseSection", "entered_text",
]
