"""Run rule-vector files (``../shared/vectors`` format) against the domain rules; ``trialdesk vectors``."""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from trialdesk.domain.ctcae import lab_grade
from trialdesk.domain.eligibility import Participant, ScreeningFacts, evaluate
from trialdesk.domain.identity import check_id_number
from trialdesk.domain.labs import LabValueError, convert, normalise_unit, parse_number
from trialdesk.domain.protocol import Protocol, ProtocolError, load_protocol
from trialdesk.domain.schedule import build_schedule

__all__ = ["KINDS", "run"]

# Keys any case may carry besides its inputs and expectation.
_DESCRIPTIVE = {"name", "note", "comment", "description", "id"}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Malformed(Exception):
    """The case (or file) is not in the vector format: it counts as failed."""


@dataclass
class _Outcome:
    ok: bool
    expected: Any
    got: Any


@dataclass
class _Tally:
    out: TextIO
    passed: int = 0
    failed: int = 0

    def fail(self, file: str, kind: str, case: str, expected: Any, got: Any) -> None:
        self.failed += 1
        self.out.write(f"FAIL {file} {kind} {case}: expected {_show(expected)}, got {_show(got)}\n")


def _show(value: Any) -> str:
    """A value on a FAIL line: messages as they are, data as compact JSON."""
    if isinstance(value, str):
        return value
    return _json(value)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def run(paths: Sequence[str | Path], out: TextIO | None = None, protocol: Protocol | None = None) -> int:
    """Run every vector file in ``paths`` (files, or folders whose ``*.json`` files run in name order).

    Prints one ``FAIL file kind case: expected …, got …`` line per failing case and a last line
    ``N passed, M failed`` to ``out`` (default: ``sys.stdout`` at call time). Returns 0 only when
    nothing failed. A case the app cannot handle (malformed input, an exception, an unknown kind)
    fails, never skips; an unreadable or invalid file, a file with no cases, a folder with no
    vector files and a missing path each count as one failure. ``protocol`` defaults to
    :func:`~trialdesk.domain.protocol.load_protocol`.
    """
    tally = _Tally(out if out is not None else sys.stdout)
    if protocol is None:
        try:
            protocol = load_protocol()
        except ProtocolError as error:
            tally.fail("protocol", "-", "-", "a valid protocol file", f"error: {error}")
            return _finish(tally)
    if not paths:
        tally.fail("-", "-", "-", "at least one vector file or folder", "no paths")
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.glob("*.json") if p.is_file())
            if not files:
                tally.fail(str(path), "-", "-", "*.json vector files", "none in this folder")
            for file in files:
                _run_file(file, protocol, tally)
        elif path.is_file():
            _run_file(path, protocol, tally)
        else:
            tally.fail(str(path), "-", "-", "a vector file or folder", "no such file or folder")
    return _finish(tally)


def _finish(tally: _Tally) -> int:
    tally.out.write(f"{tally.passed} passed, {tally.failed} failed\n")
    return 0 if tally.failed == 0 else 1


def _run_file(path: Path, protocol: Protocol, tally: _Tally) -> None:
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        tally.fail(name, "-", "-", "a JSON vector file", f"unreadable: {error}")
        return
    if not isinstance(data, dict):
        tally.fail(name, "-", "-", "a JSON object with kind and cases", f"{type(data).__name__}")
        return
    kind = data.get("kind")
    kind_label = kind if isinstance(kind, str) else "-"
    cases = data.get("cases")
    if not isinstance(cases, list):
        tally.fail(name, kind_label, "-", "a list of cases", f"cases is {_json(cases)}")
        return
    if not cases:
        tally.fail(name, kind_label, "-", "at least one case", "no cases")
        return
    file_problem = None
    if kind not in KINDS:
        file_problem = f"unknown kind {_json(kind)}; this TrialDesk knows {', '.join(KINDS)}"
    elif "protocol" in data and data["protocol"] != protocol.study_code:
        file_problem = (f"file is for protocol {_json(data['protocol'])}, "
                        f"loaded protocol is {protocol.study_code} {protocol.version}")
    for index, case in enumerate(cases):
        label = f"#{index}"
        if isinstance(case, dict) and isinstance(case.get("name"), str) and case["name"].strip():
            label = f"#{index} \"{case['name']}\""
        expected = _expected(case)
        if file_problem:
            tally.fail(name, kind_label, label, expected, f"error: {file_problem}")
            continue
        try:
            if not isinstance(case, dict):
                raise _Malformed(f"a case is a JSON object, got {_json(case)}")
            outcome = KINDS[kind](protocol, case)
        except _Malformed as error:
            tally.fail(name, kind_label, label, expected, f"malformed case: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - any failure to handle a case is a failed case
            tally.fail(name, kind_label, label, expected, f"error: {type(error).__name__}: {error}")
            continue
        if outcome.ok:
            tally.passed += 1
        else:
            tally.fail(name, kind_label, label, outcome.expected, outcome.got)


def _expected(case: Any) -> Any:
    if isinstance(case, dict):
        if "expect" in case:
            return case["expect"]
        if "expect_error" in case:
            return {"error": case["expect_error"]}
    return "?"


# --------------------------------------------------------------------------------------------------
# Reading case input strictly


def _check_keys(obj: Any, allowed: set[str], where: str, required: set[str] = frozenset()) -> dict:
    if not isinstance(obj, dict):
        raise _Malformed(f"{where} must be an object, got {_json(obj)}")
    unknown = sorted(set(obj) - allowed - _DESCRIPTIVE)
    if unknown:
        raise _Malformed(f"{where}: unknown key(s) {', '.join(unknown)}")
    missing = sorted(required - set(obj))
    if missing:
        raise _Malformed(f"{where}: missing key(s) {', '.join(missing)}")
    return obj


def _date(obj: dict, key: str, where: str) -> date | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _Malformed(f"{where}.{key} must be a date YYYY-MM-DD, got {_json(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Malformed(f"{where}.{key}: {value} is not a date") from None


def _optional(obj: dict, key: str, types: tuple[type, ...], where: str) -> Any:
    value = obj.get(key)
    if value is not None and (not isinstance(value, types) or (bool not in types and isinstance(value, bool))):
        raise _Malformed(f"{where}.{key} has the wrong type: {_json(value)}")
    return value


def _expect(case: dict, allowed: set[str], required: set[str]) -> dict:
    expect = case.get("expect")
    _check_keys(expect, allowed, "expect", required)
    if not expect:
        raise _Malformed("expect is empty")
    return expect


# --------------------------------------------------------------------------------------------------
# The kinds


def _eligibility(protocol: Protocol, case: dict) -> _Outcome:
    _check_keys(case, {"screening_date", "participant", "facts", "judgements", "expect"},
                "case", {"screening_date", "expect"})
    expect = _expect(case, {"verdict", "failed", "missing"}, {"verdict"})
    if expect["verdict"] not in ("eligible", "not_eligible", "incomplete"):
        raise _Malformed(f"expect.verdict {_json(expect['verdict'])} is not eligible, not_eligible or incomplete")
    for key in ("failed", "missing"):
        if key in expect and not (isinstance(expect[key], list) and all(isinstance(i, str) for i in expect[key])):
            raise _Malformed(f"expect.{key} must be a list of criterion ids")
    screening_date = _date(case, "screening_date", "case")
    if screening_date is None:
        raise _Malformed("screening_date is required")

    p = _check_keys(case.get("participant") or {}, {"sex", "birth_date", "childbearing_potential"}, "participant")
    sex = p.get("sex")
    if sex not in (None, "F", "M"):
        raise _Malformed(f"participant.sex must be \"F\", \"M\" or null, got {_json(sex)}")
    participant = Participant(sex=sex, birth_date=_date(p, "birth_date", "participant"),
                              childbearing_potential=_optional(p, "childbearing_potential", (bool,), "participant"))

    f = _check_keys(case.get("facts") or {}, {"canadian_criteria_met", "severity", "consent_date",
                                               "me_cfs_onset_date", "onset_trigger", "pregnancy_test",
                                               "nk", "igg"}, "facts")
    labs = {}
    for key in ("nk", "igg"):
        raw = f.get(key)
        if raw is None:
            labs[key] = None
            continue
        _check_keys(raw, {"value", "unit"}, f"facts.{key}")
        labs[key] = (raw.get("value"), raw.get("unit"))
    facts = ScreeningFacts(
        canadian_criteria_met=_optional(f, "canadian_criteria_met", (bool,), "facts"),
        # Unrecognised spellings pass through: the rules report them as undecidable (missing).
        severity=_optional(f, "severity", (str,), "facts"),
        consent_date=_date(f, "consent_date", "facts"),
        me_cfs_onset_date=_date(f, "me_cfs_onset_date", "facts"),
        onset_trigger=_optional(f, "onset_trigger", (str,), "facts"),
        pregnancy_test=_optional(f, "pregnancy_test", (str,), "facts"),
        nk=labs["nk"], igg=labs["igg"],
    )
    judgements = case.get("judgements") or {}
    if not isinstance(judgements, dict):
        raise _Malformed(f"judgements must be an object, got {_json(judgements)}")
    ids = {c.id for c in protocol.criteria}
    for key, value in judgements.items():
        if key not in ids:
            raise _Malformed(f"judgements: {key} is not a criterion of protocol {protocol.version}")
        if value is not None and not isinstance(value, bool):
            raise _Malformed(f"judgements.{key} must be true, false or null, got {_json(value)}")
    answered = {key: value for key, value in judgements.items() if value is not None}

    result = evaluate(protocol, screening_date, participant, facts, answered)
    got = {"verdict": result.verdict, "failed": sorted(result.failed), "missing": sorted(result.missing)}
    ok = got["verdict"] == expect["verdict"]
    shown_expected = {"verdict": expect["verdict"]}
    for key in ("failed", "missing"):
        if key in expect:
            shown_expected[key] = sorted(expect[key])
            ok = ok and sorted(expect[key]) == got[key]
    return _Outcome(ok, shown_expected, {key: got[key] for key in shown_expected})


def _units(protocol: Protocol, case: dict) -> _Outcome:
    _check_keys(case, {"analyte", "value", "unit", "expect", "expect_error"}, "case", {"analyte", "value", "unit"})
    if ("expect" in case) == ("expect_error" in case):
        raise _Malformed("a units case has exactly one of expect and expect_error")
    analyte = case["analyte"]
    if not isinstance(analyte, str) or analyte not in protocol.labs:
        raise _Malformed(f"analyte {_json(analyte)} is not in protocol {protocol.version} "
                         f"({', '.join(protocol.labs)})")
    if "expect_error" in case:
        wanted = case["expect_error"]
        if wanted not in ("number", "unit", "implausible"):
            raise _Malformed(f"expect_error must be number, unit or implausible, got {_json(wanted)}")
        expected: dict[str, Any] = {"error": wanted}
    else:
        expect = _expect(case, {"value", "unit"}, {"value"})
        try:
            expected_value = float(parse_number(expect["value"]))
        except LabValueError as error:
            raise _Malformed(f"expect.value: {error}") from None
        expected = {"value": expected_value}
        if "unit" in expect:
            if not isinstance(expect["unit"], str):
                raise _Malformed(f"expect.unit must be text, got {_json(expect['unit'])}")
            expected["unit"] = expect["unit"]
    try:
        value = convert(protocol, analyte, case["value"], case["unit"])
    except LabValueError as error:
        got: dict[str, Any] = {"error": error.kind, "message": error.message}
        return _Outcome(expected.get("error") == error.kind, expected, got)
    got = {"value": value.value, "unit": value.unit}
    if "error" in expected:
        return _Outcome(False, expected, got)
    ok = math.isclose(value.value, expected["value"], rel_tol=1e-9) or value.value == expected["value"]
    if "unit" in expected:
        ok = ok and normalise_unit(expected["unit"]) == value.unit
    return _Outcome(ok, expected, {key: got[key] for key in expected})


_SCHEDULE_KEYS = {"planned_first_dose", "doses", "end_of_study", "contraception_until", "alert_card_until"}


def _schedule(protocol: Protocol, case: dict) -> _Outcome:
    _check_keys(case, {"inclusion_date", "first_dose_date", "expect"}, "case", {"inclusion_date", "expect"})
    expect = _expect(case, _SCHEDULE_KEYS, set())
    inclusion = _date(case, "inclusion_date", "case")
    if inclusion is None:
        raise _Malformed("inclusion_date is required")
    first = _date(case, "first_dose_date", "case")
    for key, value in expect.items():
        values = value if key == "doses" else [value]
        if key == "doses" and not isinstance(value, list):
            raise _Malformed("expect.doses must be a list of dates")
        for item in values:
            _date({key: item}, key, "expect")
    schedule = build_schedule(protocol, inclusion, [first] if first else [])
    got_all = {
        "planned_first_dose": schedule.planned_first_dose.isoformat(),
        "doses": [dose.target.isoformat() for dose in schedule.doses],
        "end_of_study": schedule.end_of_study.target.isoformat(),
        "contraception_until": schedule.contraception_until.isoformat(),
        "alert_card_until": schedule.alert_card_until.isoformat(),
    }
    got = {key: got_all[key] for key in expect}
    return _Outcome(got == expect, expect, got)


def _fnr(protocol: Protocol, case: dict) -> _Outcome:
    _check_keys(case, {"value", "expect"}, "case", {"value", "expect"})
    if not isinstance(case["value"], str):
        raise _Malformed(f"value must be text (a number loses leading zeros), got {_json(case['value'])}")
    expect = _expect(case, {"valid", "kind", "synthetic", "birth_date"}, {"valid"})
    result = check_id_number(case["value"])
    got_all = {"valid": result.valid, "kind": result.kind, "synthetic": result.synthetic,
               "birth_date": result.birth_date.isoformat() if result.birth_date else None}
    got = {key: got_all[key] for key in expect}
    if not result.valid:
        got["problem"] = result.problem
    ok = all(got_all[key] == expect[key] and type(got_all[key]) is type(expect[key]) for key in expect)
    return _Outcome(ok, expect, got)


def _ctcae(protocol: Protocol, case: dict) -> _Outcome:
    _check_keys(case, {"term", "value", "unit", "lln", "expect"}, "case", {"term", "value", "unit", "lln", "expect"})
    expect = _expect(case, {"grade"}, {"grade"})
    if isinstance(expect["grade"], bool) or not isinstance(expect["grade"], int):
        raise _Malformed(f"expect.grade must be a whole number, got {_json(expect['grade'])}")
    if case["term"] not in protocol.ctcae_lab:
        raise _Malformed(f"term {_json(case['term'])} is not graded from lab values in protocol "
                         f"{protocol.version} ({', '.join(protocol.ctcae_lab)})")
    grade = lab_grade(protocol, case["term"], case["value"], case["unit"], case["lln"])
    return _Outcome(grade == expect["grade"], expect, {"grade": grade})


# The vector kinds this TrialDesk runs.
KINDS: dict[str, Callable[[Protocol, dict], _Outcome]] = {
    "eligibility": _eligibility,
    "units": _units,
    "schedule": _schedule,
    "fnr": _fnr,
    "ctcae": _ctcae,
}
