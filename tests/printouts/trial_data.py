"""A realistic synthetic trial built with the services (as tests/services/test_visits.py does):
an enrolled participant with two doses (the second under a signed no-go override), masked IgG/NK
after the first dose, a corrected lab value, a serious AE, and a screening changed after signing;
a second participant screened but not signed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from tests.conftest import PASSWORD
from tests.services.test_screening import BORN, ELIGIBLE, JUDGED, TODAY, consent, register, sign
from tests.services.test_visits import D1_DAY, administration, entries, prepare_d1
from trialdesk.domain.people import Role
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs

D2_DAY = D1_DAY + timedelta(days=14)


@dataclass(frozen=True)
class Trial:
    pid: str
    unsigned_pid: str
    sae_id: str
    ae_id: str


def build_trial(store, users, *, change_after_signing: bool = True, nth: int = 0) -> Trial:
    """Two participants; ``nth`` > 0 makes kit numbers and birth dates unique for bigger stores."""
    doctor, nurse = users[Role.INVESTIGATOR], users[Role.NURSE]
    pid = register(store, doctor, born=BORN + timedelta(days=nth))
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    sign(store, doctor, pid)
    prepare_d1(store, nurse, pid)
    vs.record_administration(store, nurse, pid, "D1", administration(kit=f"KIT-{nth:03d}123"), now=D1_DAY)
    # D2: IgG 2,1 g/L (below the safety limit, masked for blinded roles) -> no-go, signed override.
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=date(2026, 5, 1), alert_card_on=date(2026, 5, 1))
    vs.record_pre_dose_labs(store, nurse, pid, "D2", sampled_at=D2_DAY - timedelta(hours=2), read_back={"IGG", "NK"},
                            entries=entries(IGG=("2,1", "g/L"), NK=("40", "10^6/L"), HB=("9,5", "g/dL")))
    vs.record_pregnancy_test(store, nurse, pid, "D2", "negative", day=D2_DAY.date())
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, pid, "D2", premed.code, D2_DAY - timedelta(hours=1, minutes=30))
    vs.record_administration(store, doctor, pid, "D2", administration(D2_DAY, kit=f"KIT-{nth:03d}124"), now=D2_DAY,
                             override_reason="IgG substitution planned; discussed with the unblinded physician",
                             override_username=doctor.username, override_password=PASSWORD)
    # A corrected value (reason kept in the audit trail).
    plt = store.db.execute("SELECT r.id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
                           "JOIN dose_visits v ON v.id = s.dose_visit_id WHERE v.participant_id = ? "
                           "AND v.dose_code = 'D2' AND r.analyte = 'PLT'", [pid]).fetchone()[0]
    vs.correct_lab_result(store, nurse, plt, vs.LabEntry("204", "10^9/L"), reason="typing error, lab report says 204")
    ae_id = vs.record_adverse_event(store, nurse, pid, vs.AdverseEventInput(
        verbatim="rød og kløende der sprøyta gikk inn", term="injection_site_reaction", onset_date=date(2026, 6, 8),
        grade=1, serious=False, causality="probable", action_taken="none", outcome="recovered",
        end_date=date(2026, 6, 10)), dose_code="D2")
    sae_id = vs.record_adverse_event(store, nurse, pid, vs.AdverseEventInput(
        verbatim="innlagt med feber og frysninger", term="fatigue", onset_date=date(2026, 6, 9), grade=3,
        serious=True, causality="possible", action_taken="dose_delayed", outcome="recovering",
        sae_criteria=frozenset({"sae_hospitalisation"}), aware_at=datetime(2026, 6, 9, 8, 0, tzinfo=timezone.utc)),
        dose_code="D2")
    if change_after_signing:
        sc.save_screening(store, doctor, pid, replace(ELIGIBLE, severity="severe"), JUDGED,
                          reason="severity re-assessed from the GP letter", today=TODAY)
    other = register(store, doctor, sex="M", born=date(1979, 8, 30) + timedelta(days=nth))
    consent(store, doctor, other)
    sc.save_screening(store, doctor, other, replace(ELIGIBLE, pregnancy_test=None, igg_text="4,6"), JUDGED,
                      today=TODAY)
    return Trial(pid=pid, unsigned_pid=other, sae_id=sae_id, ae_id=ae_id)
