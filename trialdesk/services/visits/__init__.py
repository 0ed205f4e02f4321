"""Injection visits: pre-dose blood results, go / no-go, premedication, administration, adverse events,
the SAE reporting clock, and masking of blinding-sensitive results.

Every write is one audited transaction; permissions and order are enforced here (no dose before
enrolment, no dose recorded by a monitor …). The treatment arm is never asked for, stored or shown.
The clinical rules are in ``trialdesk.domain`` (blinding, administration, adverse_events, status,
dosing); the SQL in ``trialdesk.db.visits``. The modules: :mod:`.labs`, :mod:`.dosing`,
:mod:`.adverse_events`, :mod:`.calendar`, :mod:`.blinding`, :mod:`.contacts` (phone follow-ups, consultations, the
end of study, long-term follow-ups); every public name is importable from here
(``from trialdesk.services import visits as vs; vs.record_pre_dose_labs(...)``).
"""

from __future__ import annotations

from trialdesk.clock import LOCAL_TZ, local_today, utc_now
from trialdesk.services import auth, signatures
from trialdesk.services.screening import checklist, protocol
from trialdesk.services.visits.blinding import is_blinded, masked_analytes, masked_result_ids, set_unblinded
from trialdesk.services.visits.calendar import DueRow, TimelineRow, due_order, due_today, schedule_of, timeline
from trialdesk.services.visits.labs import (
    LabEntry,
    LabView,
    check_lab_entry,
    checked_sample,
    correct_lab_result,
    lab_results,
    record_pre_dose_labs,
)
from trialdesk.services.visits.dosing import (
    INJECTION_SITES,
    MEANING_OVERRIDE,
    VITAL_LIMITS,
    Administration,
    DoseStatus,
    VisitRecord,
    Vitals,
    check_administration,
    correct_administration,
    go_no_go,
    mark_missed,
    record_administration,
    record_blood_bank,
    record_pregnancy_test,
    record_premedication,
    undo_missed,
    visit_record,
)

from trialdesk.services.visits.contacts import (
    ATTEMPT_OUTCOMES,
    ATTESTATION_END_OF_STUDY,
    CALL_KINDS,
    CONTACT_KINDS,
    CONTACT_VITAL_LIMITS,
    CORRECTABLE,
    CORRECTION_BOOLEANS,
    CORRECTION_INTEGERS,
    CORRECTION_NUMBERS,
    MEANING_END_OF_STUDY,
    SHOWN_COLUMNS,
    Consultation,
    ContactAttempt,
    ContactRecord,
    ContactRow,
    ContactVitals,
    LongTermFollowUp,
    PhoneFollowUp,
    check_end_of_study,
    contact_record,
    contacts_calendar,
    correct_contact,
    mark_contact_missed,
    record_consultation,
    record_consultation_labs,
    record_contact_attempt,
    record_end_of_study,
    record_follow_up,
    record_phone_follow_up,
    undo_contact_missed,
)

# Last: the function ``adverse_events`` must win over the submodule of the same name.
from trialdesk.services.visits.adverse_events import (  # noqa: E402  (isort: skip)
    ACTIONS_TAKEN,
    CAUSALITY,
    OUTCOMES,
    AdverseEventInput,
    SaeClock,
    adverse_events,
    mark_sae_reported,
    open_sae_clocks,
    record_adverse_event,
    sae_due,
    update_adverse_event,
)

__all__ = [
    "ATTEMPT_OUTCOMES", "ATTESTATION_END_OF_STUDY", "CALL_KINDS", "CONTACT_KINDS", "CONTACT_VITAL_LIMITS",
    "CORRECTABLE", "CORRECTION_BOOLEANS", "CORRECTION_INTEGERS", "CORRECTION_NUMBERS", "MEANING_END_OF_STUDY",
    "SHOWN_COLUMNS", "Consultation", "ContactAttempt", "ContactRecord", "ContactRow", "ContactVitals",
    "LongTermFollowUp", "PhoneFollowUp", "check_end_of_study", "contact_record", "contacts_calendar",
    "correct_contact", "mark_contact_missed", "record_consultation", "record_consultation_labs",
    "record_contact_attempt", "record_end_of_study", "record_follow_up", "record_phone_follow_up",
    "undo_contact_missed", "checked_sample",
    "ACTIONS_TAKEN", "CAUSALITY", "INJECTION_SITES", "LOCAL_TZ", "MEANING_OVERRIDE", "OUTCOMES", "VITAL_LIMITS",
    "Administration", "AdverseEventInput", "DoseStatus", "DueRow", "LabEntry", "LabView", "SaeClock",
    "TimelineRow", "VisitRecord", "Vitals", "adverse_events", "auth", "check_administration", "check_lab_entry",
    "checklist", "correct_administration", "correct_lab_result", "due_order", "due_today", "go_no_go", "is_blinded",
    "lab_results", "local_today", "mark_missed", "mark_sae_reported", "masked_analytes", "masked_result_ids",
    "open_sae_clocks", "protocol", "record_administration", "record_adverse_event", "record_blood_bank",
    "record_pre_dose_labs", "record_pregnancy_test", "record_premedication", "sae_due", "schedule_of", "set_unblinded",
    "signatures", "timeline", "undo_missed", "update_adverse_event", "utc_now", "visit_record",
]
