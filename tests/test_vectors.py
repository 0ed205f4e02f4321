"""The rule vectors in ../shared/vectors must all pass, and the runner must report failures honestly."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from trialdesk.vectors import run

# CI clones the repository with shared/ beside it (../shared); TRIALDESK_VECTORS_DIR overrides.
VECTORS_DIR = Path(os.environ.get("TRIALDESK_VECTORS_DIR")
                   or Path(__file__).resolve().parents[1].parent / "shared" / "vectors")


def _run(*paths) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run([str(p) for p in paths], out=out)
    return code, out.getvalue().splitlines()


def test_shared_vectors_pass():
    if not VECTORS_DIR.is_dir():
        pytest.fail(f"rule vectors not found at {VECTORS_DIR}: check out the shared folder beside the "
                    "repository (../shared/vectors) or set TRIALDESK_VECTORS_DIR")
    files = sorted(VECTORS_DIR.glob("*.json"))
    assert files, f"no *.json vector files in {VECTORS_DIR}"
    code, lines = _run(VECTORS_DIR)
    assert lines[-1].endswith(" passed, 0 failed"), "\n".join(lines)
    assert int(lines[-1].split()[0]) >= len(files)
    assert code == 0


# --- the runner itself ---------------------------------------------------------------------------

def _file(tmp_path, name, kind, cases, **extra) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"kind": kind, "protocol": "KTS-11", "note": "test", "cases": cases, **extra}),
                    encoding="utf-8")
    return path


IGG_OK = {"analyte": "IGG", "value": "4,9", "unit": "g/L", "expect": {"value": 4.9, "unit": "g/L"}}
FNR_OK = {"value": "01859012325", "expect": {"valid": True, "kind": "fnr", "synthetic": True,
                                              "birth_date": "1990-05-01"}}


def test_a_wrong_expectation_fails(tmp_path):
    path = _file(tmp_path, "wrong.json", "units",
                 [{"name": "deliberately wrong", "analyte": "IGG", "value": "4,9", "unit": "g/L",
                   "expect": {"value": 49, "unit": "g/L"}}])
    code, lines = _run(path)
    assert lines == [f"FAIL {path} units #0 \"deliberately wrong\": expected "
                     '{"unit": "g/L", "value": 49.0}, got {"unit": "g/L", "value": 4.9}',
                     "0 passed, 1 failed"]
    assert code == 1


def test_passing_and_failing_cases_are_counted(tmp_path):
    wrong = {**FNR_OK, "expect": {**FNR_OK["expect"], "synthetic": False}}
    path = _file(tmp_path, "mixed.json", "fnr", [FNR_OK, wrong, FNR_OK])
    code, lines = _run(path)
    assert lines[-1] == "2 passed, 1 failed" and code == 1
    assert lines[0].startswith(f"FAIL {path} fnr #1: expected ")


def test_an_expected_error_of_the_wrong_kind_fails(tmp_path):
    path = _file(tmp_path, "e.json", "units", [
        {"analyte": "NK", "value": 125, "unit": "10^9/L", "expect_error": "implausible"},
        {"analyte": "NK", "value": 125, "unit": "10^9/L", "expect_error": "unit"},
        {"analyte": "NK", "value": 125, "unit": "10^6/L", "expect_error": "implausible"},
    ])
    code, lines = _run(path)
    assert lines[-1] == "1 passed, 2 failed"
    assert '#1: expected {"error": "unit"}, got {"error": "implausible"' in lines[0]
    assert '#2: expected {"error": "implausible"}, got {"unit": "10^6/L", "value": 125.0}' in lines[1]


def test_unit_values_use_relative_tolerance(tmp_path):
    near = {**IGG_OK, "expect": {"value": 4.9 * (1 + 5e-10), "unit": "g/L"}}
    far = {**IGG_OK, "expect": {"value": 4.9 * (1 + 5e-9), "unit": "g/L"}}
    code, lines = _run(_file(tmp_path, "t.json", "units", [near, far]))
    assert lines[-1] == "1 passed, 1 failed"


def test_failed_and_missing_are_compared_in_any_order(tmp_path):
    case = {"screening_date": "2026-03-02",
            "participant": {"sex": "F", "birth_date": "1990-05-01", "childbearing_potential": True},
            "facts": {"canadian_criteria_met": True, "severity": "very_severe", "consent_date": "2026-03-02",
                      "me_cfs_onset_date": "2019-10-15", "onset_trigger": "infection",
                      "pregnancy_test": "negative", "nk": {"value": 210, "unit": "10^6/L"},
                      "igg": {"value": "4,9", "unit": "g/L"}},
            "judgements": {"I7": True, "E2": False},
            "expect": {"verdict": "not_eligible", "failed": ["E3", "E1", "I1"],
                       "missing": ["E12", "E11", "E10", "E9", "E8", "E7", "E6", "E5", "E4"]}}
    incomplete_list = {**case, "expect": {**case["expect"], "missing": ["E4"]}}
    code, lines = _run(_file(tmp_path, "e.json", "eligibility", [case, incomplete_list]))
    assert lines[-1] == "1 passed, 1 failed", lines


@pytest.mark.parametrize(("content", "why"), [
    ("{not json", "unreadable"),
    ("[]", "a JSON object"),
    ('{"kind": "units", "cases": {}}', "a list of cases"),
    ('{"kind": "units", "protocol": "KTS-11", "cases": []}', "no cases"),
    ('{"kind": "colour", "protocol": "KTS-11", "cases": []}', "no cases"),
])
def test_a_malformed_file_counts_as_one_failure(tmp_path, content, why):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, lines = _run(path)
    assert lines[-1] == "0 passed, 1 failed" and code == 1
    assert why in lines[0]


def test_an_unknown_kind_fails_every_case(tmp_path):
    code, lines = _run(_file(tmp_path, "k.json", "colour", [{"value": 1}, {"value": 2}]))
    assert lines[-1] == "0 passed, 2 failed"
    assert "unknown kind \"colour\"" in lines[0]


def test_a_file_for_another_protocol_fails(tmp_path):
    path = _file(tmp_path, "p.json", "fnr", [FNR_OK], protocol="KTS-12")
    code, lines = _run(path)
    assert lines[-1] == "0 passed, 1 failed"
    assert "file is for protocol \"KTS-12\"" in lines[0]


@pytest.mark.parametrize(("kind", "case", "why"), [
    ("units", {**IGG_OK, "expect_error": "number"}, "exactly one of expect and expect_error"),
    ("units", {**IGG_OK, "analyte": "IGM"}, "analyte \"IGM\" is not in protocol"),
    ("units", {**IGG_OK, "temperature": 20}, "unknown key(s) temperature"),
    ("units", {k: v for k, v in IGG_OK.items() if k != "unit"}, "missing key(s) unit"),
    ("fnr", {"value": 1859012325, "expect": {"valid": False}}, "value must be text"),
    ("fnr", {"value": "01859012325", "expect": {}}, "missing key(s) valid"),
    ("schedule", {"inclusion_date": "2026-02-30", "expect": {"end_of_study": "2027-05-24"}}, "not a date"),
    ("schedule", {"inclusion_date": "05.01.2026", "expect": {"end_of_study": "2027-05-24"}}, "YYYY-MM-DD"),
    ("schedule", {"inclusion_date": "2026-01-05", "first_dose_date": "2026-01-01",
                  "expect": {"end_of_study": "2027-05-24"}}, "error: ValueError: first dose"),
    ("schedule", {"inclusion_date": "2026-01-05", "expect": {"visit_count": 18}}, "unknown key(s) visit_count"),
    ("ctcae", {"term": "sneezing", "value": 1, "unit": "10^9/L", "lln": 1, "expect": {"grade": 0}},
     "term \"sneezing\" is not graded"),
    ("ctcae", {"term": "anemia", "value": 95, "unit": "g/dL", "lln": 117, "expect": {"grade": 4}},
     "error: LabValueError"),
    ("eligibility", {"screening_date": "2026-03-02", "participant": {"sex": "X"},
                     "expect": {"verdict": "incomplete"}}, "participant.sex"),
    ("eligibility", {"screening_date": "2026-03-02", "judgements": {"E13": False},
                     "expect": {"verdict": "incomplete"}}, "E13 is not a criterion"),
    ("eligibility", {"screening_date": "2026-03-02", "judgements": {"E2": "no"},
                     "expect": {"verdict": "incomplete"}}, "judgements.E2 must be true, false or null"),
    ("eligibility", {"screening_date": "2026-03-02", "expect": {"verdict": "maybe"}}, "expect.verdict"),
    ("fnr", "01859012325", "a case is a JSON object"),
])
def test_a_case_the_app_cannot_handle_fails(tmp_path, kind, case, why):
    code, lines = _run(_file(tmp_path, "c.json", kind, [case]))
    assert lines[-1] == "0 passed, 1 failed" and code == 1, lines
    assert why in lines[0], lines[0]


def test_folders_run_every_json_file_in_name_order(tmp_path):
    _file(tmp_path, "b.json", "fnr", [FNR_OK, {**FNR_OK, "expect": {"valid": False}}])
    _file(tmp_path, "a.json", "units", [IGG_OK])
    (tmp_path / "readme.txt").write_text("not a vector file")
    code, lines = _run(tmp_path)
    assert lines == [lines[0], "2 passed, 1 failed"]
    assert lines[0].startswith(f"FAIL {tmp_path / 'b.json'} fnr #1")


def test_missing_paths_and_empty_folders_fail(tmp_path):
    (tmp_path / "empty").mkdir()
    code, lines = _run(tmp_path / "empty", tmp_path / "nowhere")
    assert lines[-1] == "0 passed, 2 failed" and code == 1
    assert "none in this folder" in lines[0] and "no such file or folder" in lines[1]


def test_no_paths_is_a_failure():
    out = io.StringIO()
    assert run([], out=out) == 1
    assert out.getvalue().splitlines()[-1] == "0 passed, 1 failed"


def test_prints_to_stdout_by_default(tmp_path, capsys):
    assert run([_file(tmp_path, "a.json", "units", [IGG_OK])]) == 0
    assert capsys.readouterr().out == "1 passed, 0 failed\n"
