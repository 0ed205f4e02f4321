"""Load and validate ``resources/protocols/kts11.toml`` (and its CTCAE file) into the protocol model."""

from __future__ import annotations

import json
import math
import re
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, Mapping

from trialdesk.domain.labs import normalise_unit
from trialdesk.domain.protocol.model import (
    APPLIES_TO, CHOICE_FACTS, DATE_FACTS, DERIVATION_KINDS, MEDICATION_ROUTES, OPERATORS, SEXES, VISIT_KINDS, AeTerm,
    AdministrationRules, ContactRule, Criterion, CtcaeLabTerm, Derivation, DispositionRules, DoseRule, EndOfStudyRule,
    FollowUpRule, ForbiddenMedication, GradeThreshold, Lab, Limits, MedicationRules, PreDose, Premedication, Protocol,
    ReferenceRange, SafetyLimits, ScheduleRules,
)
from trialdesk.domain.protocol.model import decimal_text as _fmt
from trialdesk.domain.severity import Severity

__all__ = ["DEFAULT_PROTOCOL_PATH", "ProtocolError", "load_protocol", "parse_protocol"]

# The one place that says where the protocol file lives in a source checkout. (trialdesk/paths.py's
# resource_path() knows about frozen bundles too; callers may pass its result to load_protocol.)
DEFAULT_PROTOCOL_PATH = Path(__file__).resolve().parents[3] / "resources" / "protocols" / "kts11.toml"


class ProtocolError(ValueError):
    """The protocol file is missing, malformed or inconsistent; the message names the key and the problem."""


# --- the file -----------------------------------------------------------------------------------


def load_protocol(path: Path | str | None = None) -> Protocol:
    """Load and validate the protocol file (default: :data:`DEFAULT_PROTOCOL_PATH`).

    Raises :class:`ProtocolError` naming the key and the problem for any malformed or inconsistent
    content, and for a missing file or a TOML syntax error (with its line).
    """
    path = Path(path) if path is not None else DEFAULT_PROTOCOL_PATH
    data = _read_toml(path, "protocol file")
    return parse_protocol(data, base_dir=path.parent, path=path)


def parse_protocol(data: Mapping[str, Any], *, base_dir: Path, path: Path | None = None) -> Protocol:
    """Build a :class:`Protocol` from already-parsed TOML data; files it names resolve from ``base_dir``."""
    top = _Table(data, "", "protocol")
    study_code = top.req("study_code", "str")
    title_en = top.req("title_en", "str")
    title_nb = top.req("title_nb", "str")
    version = top.req("version", "str")
    version_date = top.req("version_date", "date")
    ctcae_version = top.req("ctcae_version", "str")
    sae_report_hours = top.req("sae_report_hours", "int")
    if sae_report_hours <= 0:
        top.fail("sae_report_hours", f"must be a positive number of hours, got {sae_report_hours}")

    labs = _read_labs(top.sub("labs"))
    criteria = _read_criteria(top, labs)
    schedule = _read_schedule(top.sub("schedule"))
    pre_dose = _read_pre_dose(top.sub("pre_dose"), labs)
    ctcae_lab = _read_ctcae_lab(top.sub("ctcae_lab"), labs)
    ae_terms = _read_ae(top.sub("ae"), ctcae_version, base_dir)
    known_terms = {term.key for term in ae_terms}
    for term in ctcae_lab:
        if term not in known_terms:
            top.fail(f"ctcae_lab.{term}", "is not listed in ae.terms")
    medications = (_read_medications(top.sub("concomitant_medications"), criteria)
                   if top.has("concomitant_medications") else MedicationRules())
    disposition = _read_disposition(top.sub("disposition")) if top.has("disposition") else DispositionRules()
    administration = (_read_administration(top.sub("administration")) if top.has("administration")
                      else AdministrationRules())
    top.finish()
    return Protocol(
        study_code=study_code, title_en=title_en, title_nb=title_nb, version=version,
        version_date=version_date, ctcae_version=ctcae_version, sae_report_hours=sae_report_hours,
        criteria=criteria, labs=labs, schedule=schedule, pre_dose=pre_dose, ctcae_lab=ctcae_lab,
        ae_terms=ae_terms, path=path, medications=medications, disposition=disposition,
        administration=administration,
    )


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProtocolError(f"{what} {path}: cannot be read ({error.strerror or error})") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ProtocolError(f"{what} {path}: not UTF-8 text ({error})") from None
    except tomllib.TOMLDecodeError as error:
        # The message carries "(at line N, column M)".
        raise ProtocolError(f"{what} {path.name}: TOML syntax error: {error}") from None


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, date):
        return value.isoformat()
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)



def _decimal(value: int | float) -> Decimal:
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


class _Table:
    """A TOML table being read: typed getters whose errors name the full key; unknown keys are errors."""

    _TYPES = {
        "str": "a text", "int": "a whole number", "number": "a number", "bool": "true or false",
        "date": "a date (YYYY-MM-DD)", "table": "a table", "list": "a list",
        "str_list": "a list of texts", "int_list": "a list of whole numbers",
    }

    def __init__(self, data: Any, key: str, source: str):
        self.key = key
        self.source = source
        if not isinstance(data, dict):
            self.fail(None, f"must be a table, got {_show(data)}")
        self.data: dict[str, Any] = data
        self.used: set[str] = set()

    def path(self, name: str | None) -> str:
        if name is None:
            return self.key
        return f"{self.key}.{name}" if self.key else name

    def fail(self, name: str | None, problem: str) -> None:
        raise ProtocolError(f"{self.source} key '{self.path(name)}': {problem}")

    def has(self, name: str) -> bool:
        return name in self.data

    def keys(self) -> list[str]:
        return list(self.data)

    def req(self, name: str, kind: str) -> Any:
        self.used.add(name)
        if name not in self.data:
            self.fail(name, f"is missing (must be {self._TYPES[kind]})")
        return self._check(name, self.data[name], kind)

    def opt(self, name: str, kind: str, default: Any = None) -> Any:
        self.used.add(name)
        if name not in self.data:
            return default
        return self._check(name, self.data[name], kind)

    def sub(self, name: str) -> "_Table":
        self.used.add(name)
        if name not in self.data:
            self.fail(name, "is missing (must be a table)")
        return _Table(self.data[name], self.path(name), self.source)

    def tables(self, name: str) -> Iterator[tuple[int, "_Table"]]:
        """The elements of an array of tables."""
        items = self.req(name, "list")
        for index, item in enumerate(items):
            yield index, _Table(item, f"{self.path(name)}[{index}]", self.source)

    def finish(self) -> None:
        unknown = [name for name in self.data if name not in self.used]
        if unknown:
            self.fail(unknown[0], "unknown key (misspelt, or not supported by this version of TrialDesk)")

    def _check(self, name: str, value: Any, kind: str) -> Any:
        def bad() -> None:
            self.fail(name, f"must be {self._TYPES[kind]}, got {_show(value)}")

        if kind == "str":
            if not isinstance(value, str) or not value.strip():
                bad()
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                bad()
            return value
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                bad()
            if isinstance(value, float) and not math.isfinite(value):
                bad()
            return _decimal(value)
        if kind == "bool":
            if not isinstance(value, bool):
                bad()
            return value
        if kind == "date":
            if not isinstance(value, date) or hasattr(value, "hour"):
                bad()
            return value
        if kind == "table":
            if not isinstance(value, dict):
                bad()
            return value
        if kind == "list":
            if not isinstance(value, list):
                bad()
            return value
        if kind == "str_list":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                bad()
            return tuple(value)
        if kind == "int_list":
            if not isinstance(value, list) or not all(
                    isinstance(v, int) and not isinstance(v, bool) for v in value):
                bad()
            return tuple(value)
        raise AssertionError(kind)  # pragma: no cover


# --- labs ---------------------------------------------------------------------------------------

_LAB_CODE = re.compile(r"[A-Z][A-Z0-9_]*")


def _read_labs(table: _Table) -> dict[str, Lab]:
    labs: dict[str, Lab] = {}
    for code in table.keys():
        if not _LAB_CODE.fullmatch(code):
            table.fail(code, "a lab code is upper-case letters and digits, e.g. NK or IGG")
        labs[code] = _read_lab(code, table.sub(code))
    if not labs:
        table.fail(None, "has no analytes")
    table.finish()
    return labs


def _read_lab(code: str, t: _Table) -> Lab:
    name_en = t.req("name_en", "str")
    name_nb = t.req("name_nb", "str")
    symbol = t.req("symbol", "str")
    symbol_nb = t.opt("symbol_nb", "str")
    unit = t.req("unit", "str")
    display_unit = t.req("display_unit", "str")
    units_table = t.sub("units")
    units: list[tuple[str, Decimal]] = []
    for name in units_table.keys():
        if normalise_unit(name) != name:
            units_table.fail(name, f"write the unit as {normalise_unit(name)!r} (TrialDesk's canonical spelling)")
        factor = units_table.req(name, "number")
        if factor <= 0:
            units_table.fail(name, f"the factor must be greater than 0, got {_fmt(factor)}")
        units.append((name, factor))
    units_table.finish()
    if not units:
        units_table.fail(None, "has no accepted units")
    factors = dict(units)
    if unit not in factors:
        t.fail("unit", f"the canonical unit {unit!r} must be one of the accepted units ({', '.join(factors)})")
    if factors[unit] != 1:
        t.fail(f"units.{unit}", f"the canonical unit must have factor 1, got {_fmt(factors[unit])}")
    if display_unit not in factors:
        t.fail("display_unit", f"{display_unit!r} is not one of the accepted units ({', '.join(factors)})")

    lt = t.sub("limits")
    limits = Limits(
        min=lt.req("min", "number"), max=lt.req("max", "number"),
        min_inclusive=lt.req("min_inclusive", "bool"), max_inclusive=lt.req("max_inclusive", "bool"),
    )
    lt.finish()
    if limits.min >= limits.max:
        lt.fail("max", f"must be greater than min ({_fmt(limits.min)}), got {_fmt(limits.max)}")

    reference: list[ReferenceRange] = []
    if t.has("reference"):
        for index, rt in t.tables("reference"):
            reference.append(_read_reference(rt, limits))
    else:
        t.used.add("reference")

    safety = None
    if t.has("safety"):
        st = t.sub("safety")
        safety = SafetyLimits(min=st.opt("min", "number"), max=st.opt("max", "number"))
        st.finish()
        if safety.min is None and safety.max is None:
            st.fail(None, "needs min, max or both")
        for name, value in (("min", safety.min), ("max", safety.max)):
            if value is not None and not limits.contains(value):
                st.fail(name, f"{_fmt(value)} is outside the hard limits "
                              f"{limits.describe(code, unit)}")
        if safety.min is not None and safety.max is not None and safety.min >= safety.max:
            st.fail("max", "must be greater than min")
    critical = t.req("critical", "bool")
    masked = t.req("masked_after_first_dose", "bool")
    t.finish()
    return Lab(code=code, name_en=name_en, name_nb=name_nb, symbol=symbol, symbol_nb_given=symbol_nb, unit=unit,
               display_unit=display_unit, units=tuple(units), limits=limits,
               reference=tuple(reference), safety=safety, critical=critical,
               masked_after_first_dose=masked)


def _read_reference(rt: _Table, limits: Limits) -> ReferenceRange:
    sex = rt.opt("sex", "str")
    if sex is not None and sex not in SEXES:
        rt.fail("sex", f"must be \"F\" or \"M\", got {_show(sex)}")
    age_min = rt.opt("age_min", "int")
    age_max = rt.opt("age_max", "int")
    if age_min is not None and age_max is not None and age_min > age_max:
        rt.fail("age_max", f"must not be below age_min ({age_min}), got {age_max}")
    low = rt.opt("low", "number")
    high = rt.opt("high", "number")
    rt.finish()
    if low is None and high is None:
        rt.fail(None, "needs low, high or both")
    for name, value in (("low", low), ("high", high)):
        if value is not None and not (limits.min <= value <= limits.max):
            rt.fail(name, f"{_fmt(value)} is outside the hard limits {_fmt(limits.min)}..{_fmt(limits.max)}")
    if low is not None and high is not None and low > high:
        rt.fail("high", f"must not be below low ({_fmt(low)}), got {_fmt(high)}")
    return ReferenceRange(low=low, high=high, sex=sex, age_min=age_min, age_max=age_max)


# --- criteria -----------------------------------------------------------------------------------

_CRITERION_ID = re.compile(r"([IE])([1-9][0-9]*)")
_CATEGORY = {"I": "inclusion", "E": "exclusion"}


def _read_criteria(top: _Table, labs: Mapping[str, Lab]) -> tuple[Criterion, ...]:
    criteria: list[Criterion] = []
    seen: dict[str, int] = {}
    for index, ct in top.tables("criteria"):
        criterion = _read_criterion(ct, labs)
        if criterion.id in seen:
            ct.fail("id", f"duplicate criterion id {criterion.id!r} (also criteria[{seen[criterion.id]}])")
        seen[criterion.id] = index
        criteria.append(criterion)
    if not criteria:
        top.fail("criteria", "has no criteria")
    for prefix in ("I", "E"):
        numbers = sorted(int(cid[1:]) for cid in seen if cid[0] == prefix)
        expected = range(1, (numbers[-1] if numbers else 0) + 1)
        missing = [f"{prefix}{n}" for n in expected if n not in numbers]
        if missing:
            top.fail("criteria", f"missing criterion id(s) {', '.join(missing)} "
                                 f"(criteria are numbered {prefix}1, {prefix}2, … without gaps)")
    return tuple(criteria)


def _read_criterion(ct: _Table, labs: Mapping[str, Lab]) -> Criterion:
    cid = ct.req("id", "str")
    match = _CRITERION_ID.fullmatch(cid)
    if not match:
        ct.fail("id", f"must look like I1 or E12, got {_show(cid)}")
    ct.key = f"criteria.{cid}"
    category = ct.req("category", "str")
    if category != _CATEGORY[match.group(1)]:
        ct.fail("category", f"an {match.group(1)}-criterion is {_show(_CATEGORY[match.group(1)])}, got {_show(category)}")
    text_en = ct.req("text_en", "str")
    text_nb = ct.req("text_nb", "str")
    judgement = ct.opt("judgement", "bool", False)
    applies_to = ct.opt("applies_to", "str")
    derivation = None
    if ct.has("derivation"):
        if judgement:
            ct.fail("derivation", "a criterion has either a derivation or judgement = true, not both")
        derivation = _read_derivation(ct.sub("derivation"), labs)
    elif not judgement:
        ct.fail(None, "needs a derivation or judgement = true")
    if applies_to is not None:
        if not judgement:
            ct.fail("applies_to", "is only used with judgement = true")
        if applies_to not in APPLIES_TO:
            ct.fail("applies_to", f"must be one of {', '.join(APPLIES_TO)}, got {_show(applies_to)}")
    ct.finish()
    return Criterion(id=cid, category=category, text_en=text_en, text_nb=text_nb,
                     derivation=derivation, judgement=judgement, applies_to=applies_to)


def _read_derivation(dt: _Table, labs: Mapping[str, Lab]) -> Derivation:
    kind = dt.req("kind", "str")
    if kind not in DERIVATION_KINDS:
        dt.fail("kind", f"unknown derivation kind {_show(kind)}; known: {', '.join(DERIVATION_KINDS)}")
    params: dict[str, Any] = {name: dt.req(name, typ) for name, typ in DERIVATION_KINDS[kind].items()}
    dt.finish()
    severity_codes = [level.code for level in Severity]

    if kind == "ccc_and_severity":
        if not params["severities"]:
            dt.fail("severities", "must name at least one severity")
        for value in params["severities"]:
            if value not in severity_codes:
                dt.fail("severities", f"unknown severity {_show(value)}; known: {', '.join(severity_codes)}")
    elif kind == "age_range":
        if not 0 <= params["min_years"] <= params["max_years"] <= 150:
            dt.fail("max_years", f"need 0 ≤ min_years ≤ max_years ≤ 150, got "
                                 f"{params['min_years']}..{params['max_years']}")
    elif kind in ("date_not_after_screening", "duration_years"):
        if params["fact"] not in DATE_FACTS:
            dt.fail("fact", f"must be one of {', '.join(DATE_FACTS)}, got {_show(params['fact'])}")
        if kind == "duration_years" and params["min_years"] < 0:
            dt.fail("min_years", f"must not be negative, got {params['min_years']}")
    elif kind == "value_in":
        if params["fact"] not in CHOICE_FACTS:
            dt.fail("fact", f"must be one of {', '.join(CHOICE_FACTS)}, got {_show(params['fact'])}")
        if not params["values"]:
            dt.fail("values", "must name at least one value")
        both = set(params["values"]) & set(params["others"])
        if both:
            dt.fail("others", f"{', '.join(sorted(both))} also in values")
        if params["fact"] == "severity":
            listed = list(params["values"]) + list(params["others"])
            for value in listed:
                if value not in severity_codes:
                    dt.fail("values", f"unknown severity {_show(value)}; known: {', '.join(severity_codes)}")
            left = [code for code in severity_codes if code not in listed]
            if left:
                dt.fail("others", f"every severity must be in values or others; not listed: {', '.join(left)}")
    elif kind == "lab_threshold":
        analyte = params["analyte"]
        if analyte not in labs:
            dt.fail("analyte", f"unknown lab analyte {_show(analyte)}; known: {', '.join(labs)}")
        lab = labs[analyte]
        if params["operator"] not in OPERATORS:
            dt.fail("operator", f"must be one of {' '.join(OPERATORS)}, got {_show(params['operator'])}")
        unit = normalise_unit(params["unit"])
        factor = lab.factor(unit)
        if factor is None:
            dt.fail("unit", f"{_show(params['unit'])} is not a unit of {analyte} ({', '.join(lab.accepted_units)})")
        canonical = params["threshold"] * factor
        if factor != 1:
            canonical = canonical.normalize()
        if not lab.limits.contains(canonical):
            dt.fail("threshold", f"{_fmt(canonical)} {lab.unit} is outside the hard limits "
                                 f"{lab.limits.describe(analyte, lab.unit)}")
        params.update(threshold_canonical=canonical, canonical_unit=lab.unit,
                      threshold_text=format(canonical, "f"))
    return Derivation(kind=kind, params=params)


# --- schedule -----------------------------------------------------------------------------------


def _window(t: _Table) -> tuple[int, int]:
    before = t.req("window_before_days", "int")
    after = t.req("window_after_days", "int")
    for name, value in (("window_before_days", before), ("window_after_days", after)):
        if value < 0:
            t.fail(name, f"must not be negative, got {value}")
    return before, after


def _labels(t: _Table, placeholder: bool = False) -> tuple[str, str]:
    labels = []
    for name in ("label_en", "label_nb"):
        label = t.req(name, "str")
        if placeholder:
            try:
                label.format(n=1)
            except (KeyError, IndexError, ValueError):
                t.fail(name, "may only use the placeholder {n}")
        labels.append(label)
    return labels[0], labels[1]


def _read_schedule(t: _Table) -> ScheduleRules:
    baseline_weeks = t.req("baseline_weeks", "int")
    if baseline_weeks < 0:
        t.fail("baseline_weeks", f"must not be negative, got {baseline_weeks}")
    codes: set[str] = set()

    def new_code(table: _Table, code: str) -> None:
        if code in codes:
            table.fail("code", f"duplicate visit code {code!r}")
        codes.add(code)

    doses: list[DoseRule] = []
    for index, dt in t.tables("doses"):
        code = dt.req("code", "str")
        new_code(dt, code)
        week = dt.req("week", "int")
        before, after = _window(dt)
        around = dt.opt("window_around", "str", "target")
        if around not in ("target", "planned_first_dose"):
            dt.fail("window_around", f"must be \"target\" or \"planned_first_dose\", got {_show(around)}")
        label_en, label_nb = _labels(dt)
        dt.finish()
        if index == 0 and week != 0:
            dt.fail("week", f"the first dose is week 0 (weeks count from it), got {week}")
        if doses and week <= doses[-1].week:
            dt.fail("week", f"doses must be in increasing weeks; {week} follows {doses[-1].week}")
        doses.append(DoseRule(code=code, week=week, window_before_days=before, window_after_days=after,
                              label_en=label_en, label_nb=label_nb, window_around=around))
    if not doses:
        t.fail("doses", "has no doses")

    contacts: list[ContactRule] = []
    for _, ct in t.tables("contacts"):
        code = ct.req("code", "str")
        new_code(ct, code)
        kind = ct.req("kind", "str")
        if kind not in VISIT_KINDS:
            ct.fail("kind", f"must be one of {', '.join(VISIT_KINDS)}, got {_show(kind)}")
        week = ct.req("week", "int")
        if week < 0:
            ct.fail("week", f"must not be negative, got {week}")
        before, after = _window(ct)
        label_en, label_nb = _labels(ct)
        ct.finish()
        contacts.append(ContactRule(code=code, kind=kind, week=week, window_before_days=before,
                                    window_after_days=after, label_en=label_en, label_nb=label_nb))

    et = t.sub("end_of_study")
    code = et.req("code", "str")
    new_code(et, code)
    weeks = et.req("weeks_after_inclusion", "int")
    if weeks <= baseline_weeks + doses[-1].week:
        et.fail("weeks_after_inclusion", f"must come after the last dose (week {baseline_weeks + doses[-1].week} "
                                         f"after inclusion), got {weeks}")
    before, after = _window(et)
    label_en, label_nb = _labels(et)
    et.finish()
    end = EndOfStudyRule(code=code, weeks_after_inclusion=weeks, window_before_days=before,
                         window_after_days=after, label_en=label_en, label_nb=label_nb)

    ft = t.sub("long_term_follow_up")
    prefix = ft.req("code_prefix", "str")
    kind = ft.req("kind", "str")
    every = ft.req("every_months", "int")
    count = ft.req("count", "int")
    if every <= 0:
        ft.fail("every_months", f"must be at least 1, got {every}")
    if count < 0:
        ft.fail("count", f"must not be negative, got {count}")
    before, after = _window(ft)
    label_en, label_nb = _labels(ft, placeholder=True)
    ft.finish()
    for n in range(1, count + 1):
        if f"{prefix}{n}" in codes:
            ft.fail("code_prefix", f"follow-up code {prefix}{n} clashes with another visit code")
    follow = FollowUpRule(code_prefix=prefix, kind=kind, every_months=every, count=count,
                          window_before_days=before, window_after_days=after,
                          label_en=label_en, label_nb=label_nb)

    ct = t.sub("contraception")
    c_before = ct.req("weeks_before_first_dose", "int")
    c_after = ct.req("weeks_after_last_dose", "int")
    for name, value in (("weeks_before_first_dose", c_before), ("weeks_after_last_dose", c_after)):
        if value < 0:
            ct.fail(name, f"must not be negative, got {value}")
    ct.finish()
    at = t.sub("alert_card")
    months = at.req("months_after_last_dose", "int")
    if months < 0:
        at.fail("months_after_last_dose", f"must not be negative, got {months}")
    at.finish()
    t.finish()
    return ScheduleRules(
        baseline_weeks=baseline_weeks, doses=tuple(doses), contacts=tuple(contacts),
        end_of_study=end, follow_up=follow, contraception_weeks_before_first_dose=c_before,
        contraception_weeks_after_last_dose=c_after, alert_card_months_after_last_dose=months,
    )


def _read_pre_dose(t: _Table, labs: Mapping[str, Lab]) -> PreDose:
    analytes = t.req("analytes", "str_list")
    for code in analytes:
        if code not in labs:
            t.fail("analytes", f"unknown lab analyte {_show(code)}; known: {', '.join(labs)}")
    days = t.req("sample_max_days_before_dose", "int")
    if days < 0:
        t.fail("sample_max_days_before_dose", f"must not be negative, got {days}")
    pregnancy = t.req("pregnancy_test_for_women_of_childbearing_potential", "bool")
    type_and_screen = t.req("type_and_screen_before_first_dose", "bool")
    alert_card = t.opt("alert_card_before_first_dose", "bool", True)
    premeds = []
    seen = set()
    for _, pt in t.tables("premedication"):
        code = pt.req("code", "str")
        if code in seen:
            pt.fail("code", f"duplicate premedication code {_show(code)}")
        seen.add(code)
        low = pt.req("min_hours_before", "number")
        high = pt.req("max_hours_before", "number")
        if low < 0 or high < low:
            pt.fail("max_hours_before", f"needs 0 <= min_hours_before <= max_hours_before, got {low}..{high}")
        premeds.append(Premedication(code=code, label_en=pt.req("label_en", "str"),
                                     label_nb=pt.req("label_nb", "str"),
                                     min_hours_before=float(low), max_hours_before=float(high)))
        pt.finish()
    t.finish()
    return PreDose(analytes=analytes, sample_max_days_before_dose=days,
                   pregnancy_test_for_women_of_childbearing_potential=pregnancy,
                   type_and_screen_before_first_dose=type_and_screen,
                   alert_card_before_first_dose=alert_card, premedication=tuple(premeds))


# --- CTCAE --------------------------------------------------------------------------------------

_GRADES = (1, 2, 3, 4, 5)


def _read_ctcae_lab(t: _Table, labs: Mapping[str, Lab]) -> dict[str, CtcaeLabTerm]:
    terms: dict[str, CtcaeLabTerm] = {}
    for term in t.keys():
        tt = t.sub(term)
        analyte = tt.req("analyte", "str")
        if analyte not in labs:
            tt.fail("analyte", f"unknown lab analyte {_show(analyte)}; known: {', '.join(labs)}")
        grades: list[GradeThreshold] = []
        for grade in (1, 2, 3, 4):
            name = f"grade_{grade}"
            if not tt.has(name):
                continue
            raw = tt.data[name]
            tt.used.add(name)
            if grade == 1:
                if raw != "lln":
                    tt.fail(name, f"grade 1 starts below the lower limit of normal: write \"lln\", got {_show(raw)}")
                grades.append(GradeThreshold(1, "lln"))
            elif raw == "clinical":
                grades.append(GradeThreshold(grade, "clinical"))
            else:
                value = tt._check(name, raw, "number")
                if not labs[analyte].limits.contains(value) and value != labs[analyte].limits.min:
                    tt.fail(name, f"{_fmt(value)} is outside the hard limits of {analyte}")
                previous = [g.threshold for g in grades if g.threshold is not None]
                if previous and value >= previous[-1]:
                    tt.fail(name, f"thresholds must decrease with the grade; {_fmt(value)} follows {_fmt(previous[-1])}")
                if any(g.rule == "clinical" for g in grades):
                    tt.fail(name, "a numeric grade cannot follow a clinical one")
                grades.append(GradeThreshold(grade, "below", value))
        tt.finish()
        if not grades or grades[0].grade != 1:
            tt.fail("grade_1", "is missing (write grade_1 = \"lln\")")
        numbers = [g.grade for g in grades]
        if numbers != list(range(1, len(numbers) + 1)):
            tt.fail(None, f"grades must run from 1 without gaps, got {numbers}")
        terms[term] = CtcaeLabTerm(term=term, analyte=analyte, grades=tuple(grades))
    t.finish()
    return terms


def _read_term(tt: _Table, key: str, source: str, version: str, with_soc: bool) -> AeTerm:
    term_en = tt.req("term_en", "str")
    term_nb = tt.req("term_nb", "str")
    soc = tt.req("soc", "str") if with_soc else ""
    note = tt.opt("note", "str", "")
    not_defined = tt.opt("not_defined", "int_list", ())
    grades: dict[int, str] = {}
    grades_nb: dict[int, str] = {}
    for grade in _GRADES:
        name = f"grade_{grade}"
        text = tt.opt(name, "str")
        text_nb = tt.opt(f"{name}_nb", "str")
        if text is not None and grade in not_defined:
            tt.fail(name, f"grade {grade} has a text but is listed in not_defined")
        if text is None and grade not in not_defined:
            tt.fail(name, f"is missing: give the text, or list {grade} in not_defined if the grade does not exist")
        if (text is None) != (text_nb is None):
            tt.fail(f"{name}_nb", f"is missing: each grade's text in Bokmål beside {name}" if text_nb is None
                    else f"has no English {name} beside it")
        if text is not None:
            grades[grade] = text
            grades_nb[grade] = text_nb
    for grade in not_defined:
        if grade not in _GRADES:
            tt.fail("not_defined", f"grades are 1 to 5, got {grade}")
    tt.finish()
    return AeTerm(key=key, term_en=term_en, term_nb=term_nb, source=source, version=version,
                  grades=grades, soc=soc, note=note, grades_nb=grades_nb)


def _read_ae(t: _Table, ctcae_version: str, base_dir: Path) -> tuple[AeTerm, ...]:
    file_name = t.req("ctcae_terms_file", "str")
    ctcae_path = (base_dir / file_name).resolve()
    data = _read_toml(ctcae_path, "CTCAE file")
    ct = _Table(data, "", f"CTCAE file {ctcae_path.name}")
    version = ct.req("version", "str")
    if version != ctcae_version:
        ct.fail("version", f"the protocol names CTCAE {ctcae_version}, this file is {version}")
    ct.req("source", "str")
    ctcae_terms_table = ct.sub("terms")
    ctcae_terms = {key: _read_term(ctcae_terms_table.sub(key), key, "ctcae", version, True)
                   for key in ctcae_terms_table.keys()}
    ctcae_terms_table.finish()
    ct.finish()

    protocol_terms: dict[str, AeTerm] = {}
    if t.has("protocol_terms"):
        pt = t.sub("protocol_terms")
        for key in pt.keys():
            if key in ctcae_terms:
                pt.fail(key, "is already a CTCAE term; a protocol term must have its own key")
            protocol_terms[key] = _read_term(pt.sub(key), key, "protocol", version, False)
        pt.finish()
    listed = t.req("terms", "str_list")
    terms: list[AeTerm] = []
    for key in listed:
        if key in (term.key for term in terms):
            t.fail("terms", f"{key!r} is listed twice")
        if key in ctcae_terms:
            terms.append(ctcae_terms[key])
        elif key in protocol_terms:
            terms.append(protocol_terms[key])
        else:
            t.fail("terms", f"{key!r} is neither in {ctcae_path.name} nor in ae.protocol_terms")
    for key in protocol_terms:
        if key not in listed:
            t.fail(f"protocol_terms.{key}", "is defined but not listed in ae.terms")
    t.finish()
    return tuple(terms)


# --- disposition and concomitant medications (issue 11) ------------------------------------------------

def _read_administration(t: _Table) -> AdministrationRules:
    pattern = t.opt("kit_number_pattern", "str", None)
    example = t.opt("kit_number_example", "str", None)
    if pattern is not None:
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            t.fail("kit_number_pattern", f"is not a regular expression ({error})")
        if example is None:
            t.fail("kit_number_example", "is needed with kit_number_pattern (the message shows it)")
        if not compiled.fullmatch(example.upper()):
            t.fail("kit_number_example", f"{example!r} does not match kit_number_pattern")
    minutes = t.opt("observation_minutes", "int", 0)
    if not 0 <= minutes <= 24 * 60:
        t.fail("observation_minutes", f"must be 0 to 1440 minutes, got {minutes}")
    t.finish()
    return AdministrationRules(kit_number_pattern=pattern, kit_number_example=example, observation_minutes=minutes)


def _read_disposition(t: _Table) -> DispositionRules:
    attempts = t.opt("lost_to_follow_up_min_attempts", "int", DispositionRules().lost_to_follow_up_min_attempts)
    if attempts < 1:
        t.fail("lost_to_follow_up_min_attempts", f"must be at least 1 attempt, got {attempts}")
    t.finish()
    return DispositionRules(lost_to_follow_up_min_attempts=attempts)


_ATC_PREFIX = re.compile(r"[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?")
_MEDICATION_CODE = re.compile(r"[a-z][a-z0-9_]*")


def _read_medications(t: _Table, criteria: tuple[Criterion, ...]) -> MedicationRules:
    criterion = t.opt("criterion", "str")
    if criterion is not None and criterion not in {c.id for c in criteria}:
        t.fail("criterion", f"names no criterion of this protocol, got {_show(criterion)}")
    local = t.opt("local_routes", "str_list", ())
    for route in local:
        if route not in MEDICATION_ROUTES:
            t.fail("local_routes", f"unknown route {_show(route)}; known: {', '.join(MEDICATION_ROUTES)}")
    forbidden: list[ForbiddenMedication] = []
    seen: set[str] = set()
    for _, ft in (t.tables("forbidden") if t.has("forbidden") else ()):
        code = ft.req("code", "str")
        if not _MEDICATION_CODE.fullmatch(code):
            ft.fail("code", f"a class code is lower-case letters, digits and _, got {_show(code)}")
        if code in seen:
            ft.fail("code", f"duplicate forbidden medication class {_show(code)}")
        seen.add(code)
        names = ft.req("names", "str_list")
        if not names:
            ft.fail("names", "needs at least one name")
        for name in names:
            if name != name.strip().lower():
                ft.fail("names", f"names are written in lower case without spaces around, got {_show(name)}")
        atc = ft.opt("atc", "str_list", ())
        for prefix in atc:
            if not _ATC_PREFIX.fullmatch(prefix):
                ft.fail("atc", f"not an ATC code or prefix (e.g. L04AX or L04AX01), got {_show(prefix)}")
        forbidden.append(ForbiddenMedication(
            code=code, label_en=ft.req("label_en", "str"), label_nb=ft.req("label_nb", "str"), names=names,
            atc=atc, systemic_only=ft.opt("systemic_only", "bool", True), note_en=ft.opt("note_en", "str", ""),
            note_nb=ft.opt("note_nb", "str", "")))
        ft.finish()
    t.finish()
    return MedicationRules(criterion=criterion, local_routes=local, forbidden=tuple(forbidden))
