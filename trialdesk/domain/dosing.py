"""Go / no-go before an injection: every pre-dose condition of the protocol, each with its reason.

The verdict is ``go`` when every check holds, ``needs_reason`` when the only problem is a dose day
outside its window (allowed with a documented reason), and ``no_go`` otherwise (only an
investigator's signed override lets the dose go ahead).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Mapping

from trialdesk.domain.explanations import Explanation
from trialdesk.domain.labs import format_decimal, safety_check
from trialdesk.domain.protocol.model import Protocol
from trialdesk.domain.schedule import PlannedVisit

GO = "go"
NEEDS_REASON = "needs_reason"
NO_GO = "no_go"


@dataclass(frozen=True)
class LabOnFile:
    """A pre-dose result: canonical value and the day the sample was taken."""

    value: float
    sampled_on: date


@dataclass(frozen=True)
class DoseContext:
    """What is known before dose ``visit`` on ``day`` (``now`` is timezone-aware, for premedication)."""

    visit: PlannedVisit
    day: date
    now: datetime
    status: str
    eligibility_signed: bool
    previous_doses: Mapping[str, str] = field(default_factory=dict)  # code -> "given" | "missed" | ""
    already_given_on: date | None = None
    woman_of_childbearing_potential: bool | None = None
    pregnancy_test: str | None = None  # today's result: "negative" | "positive" | None
    labs: Mapping[str, LabOnFile] = field(default_factory=dict)
    premedication: Mapping[str, datetime] = field(default_factory=dict)
    type_and_screen_on: date | None = None
    alert_card_on: date | None = None


@dataclass(frozen=True)
class DoseCheck:
    """One condition: ``kind`` groups it (enrolment, order, window, lab, pregnancy, premedication,
    type_and_screen, alert_card); ``masked`` is the wording for blinded roles where the value could unblind."""

    kind: str
    ok: bool
    explanation: Explanation
    masked: Explanation | None = None
    analyte: str | None = None


@dataclass(frozen=True)
class GoNoGo:
    verdict: str
    checks: tuple[DoseCheck, ...]

    @property
    def problems(self) -> tuple[DoseCheck, ...]:
        return tuple(c for c in self.checks if not c.ok)


def evaluate_dose(protocol: Protocol, ctx: DoseContext) -> GoNoGo:
    """Every pre-dose check of ``protocol`` for ``ctx``, and the verdict they add up to."""
    checks: list[DoseCheck] = []
    add = checks.append
    enrolled = ctx.status in ("enrolled", "on_treatment")
    add(DoseCheck("enrolment", enrolled, Explanation("dose_enrolled") if enrolled
                  else Explanation("dose_not_enrolled", {"status": ctx.status})))
    add(DoseCheck("enrolment", ctx.eligibility_signed, Explanation(
        "dose_eligibility_signed" if ctx.eligibility_signed else "dose_eligibility_unsigned")))
    missing = [code for code, state in ctx.previous_doses.items() if state not in ("given", "missed")]
    add(DoseCheck("order", not missing, Explanation("dose_previous_missing", {"previous": ", ".join(missing)})
                  if missing else Explanation("dose_previous_done", {"previous": ", ".join(ctx.previous_doses)})))
    if ctx.already_given_on is not None:
        add(DoseCheck("order", False, Explanation("dose_already_given", {
            "dose": ctx.visit.code, "date": ctx.already_given_on.isoformat()})))
    in_window = ctx.visit.window_start <= ctx.day <= ctx.visit.window_end
    add(DoseCheck("window", in_window, Explanation("dose_in_window" if in_window else "dose_outside_window", {
        "dose": ctx.visit.code, "day": ctx.day.isoformat(), "start": ctx.visit.window_start.isoformat(),
        "end": ctx.visit.window_end.isoformat()})))

    rules = protocol.pre_dose
    for analyte in rules.analytes:
        names = {"analyte": protocol.lab(analyte).symbol, "analyte_nb": protocol.lab(analyte).symbol_nb}
        result = ctx.labs.get(analyte)
        if result is None:
            add(DoseCheck("lab", False, Explanation("lab_sample_missing", names), analyte=analyte))
            continue
        if ctx.day - result.sampled_on > timedelta(days=rules.sample_max_days_before_dose):
            add(DoseCheck("lab", False, Explanation("lab_sample_old", {
                **names, "sampled": result.sampled_on.isoformat(),
                "days": rules.sample_max_days_before_dose}), analyte=analyte))
            continue
        safety = safety_check(protocol, analyte, result.value)
        add(DoseCheck("lab", safety.ok, safety.explanation, safety.masked_explanation, analyte=analyte))

    if rules.pregnancy_test_for_women_of_childbearing_potential:
        if ctx.woman_of_childbearing_potential is False:
            add(DoseCheck("pregnancy", True, Explanation("pregnancy_not_required")))
        elif ctx.pregnancy_test == "negative":
            add(DoseCheck("pregnancy", True, Explanation("pregnancy_negative")))
        elif ctx.pregnancy_test == "positive":
            add(DoseCheck("pregnancy", False, Explanation("pregnancy_positive")))
        else:
            add(DoseCheck("pregnancy", False, Explanation("pregnancy_required_missing")))

    for premed in rules.premedication:
        given = ctx.premedication.get(premed.code)
        if given is None:
            add(DoseCheck("premedication", False, Explanation("premed_missing", {
                "drug": premed.label_en, "drug_nb": premed.label_nb})))
            continue
        hours = (ctx.now - given).total_seconds() / 3600
        params = {"drug": premed.label_en, "drug_nb": premed.label_nb, "time": given.strftime("%H:%M"),
                  "hours": format_decimal(round(hours, 1)), "min": format_decimal(premed.min_hours_before),
                  "max": format_decimal(premed.max_hours_before)}
        ok = premed.min_hours_before <= hours <= premed.max_hours_before
        add(DoseCheck("premedication", ok, Explanation("premed_given" if ok else "premed_timing", params)))

    first_dose = ctx.visit.code == protocol.schedule.doses[0].code
    if first_dose and rules.type_and_screen_before_first_dose:
        done = ctx.type_and_screen_on is not None and ctx.type_and_screen_on <= ctx.day
        add(DoseCheck("type_and_screen", done, Explanation("type_and_screen_done", {"date": ctx.type_and_screen_on.isoformat()})
                      if done else Explanation("type_and_screen_missing")))
    if first_dose and rules.alert_card_before_first_dose:
        done = ctx.alert_card_on is not None and ctx.alert_card_on <= ctx.day
        add(DoseCheck("alert_card", done, Explanation("alert_card_done", {"date": ctx.alert_card_on.isoformat()})
                      if done else Explanation("alert_card_missing")))

    failing = [c for c in checks if not c.ok]
    if not failing:
        verdict = GO
    elif all(c.kind == "window" for c in failing):
        verdict = NEEDS_REASON
    else:
        verdict = NO_GO
    return GoNoGo(verdict, tuple(checks))
