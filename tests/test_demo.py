"""Demo data: `trialdesk demo` builds a verified store with every stage and synthetic identities only."""

from __future__ import annotations

import re

import pytest

from trialdesk import cli
from trialdesk.db import users as users_repo
from trialdesk.domain.identity import check_id_number
from trialdesk.domain.people import Role
from trialdesk.services import participants as ps
from trialdesk.services import screening as sc
from trialdesk.services.demo import DEMO_PASSWORD, build_demo
from trialdesk.services.workstation import open_workstation, verify


def test_demo_builds_every_stage_and_verifies(tmp_path):
    result = build_demo(tmp_path / "data", recovery_sheet=tmp_path / "sheet.pdf")
    store = result.store
    try:
        assert verify(store).ok
        assert store.training  # a training store: the only kind that accepts its synthetic identity numbers
        doctor = users_repo.by_username(store.db, "doctor")
        rows = ps.list_participants(store, doctor)
        statuses = {r.status for r in rows}
        assert statuses >= {"candidate", "screening", "screen_failure", "enrolled", "on_treatment",
                            "follow_up", "completed"}
        failures = {}
        for row in rows:
            identity = ps.get_identity(store, doctor, row.id)
            check = check_id_number(identity.id_number)
            assert check.valid and check.synthetic, identity.id_number  # never a real person's number
            assert identity.full_name.startswith("Testperson ")
            if row.status == "screen_failure":
                failures[row.study_id] = sc.load(store, doctor, row.id).decision.failed
        reasons = set(failures.values())
        assert {("E3",), ("I8",), ("I2",), ("I1", "E1")} <= reasons  # IgG, NK, age, very severe
        on_treatment = [r for r in rows if r.status == "on_treatment"][0]
        visits = ps.planned_visits(store, doctor, on_treatment.id)
        assert any(v.done_on for v in visits if v.kind == "dose") and any(not v.done_on for v in visits)
        # Several users of each role, as at a real site.
        assert {u for u, _, _ in result.users} >= {"admin", "doctor", "nurse", "monitor"}
        roles = [r for _, _, r in result.users]
        assert all(roles.count(role) >= 2 for role in Role), roles
    finally:
        store.close()


def test_demo_command_prints_users_and_refuses_an_existing_store(tmp_path, capsys):
    data = tmp_path / "demo"
    assert cli.main(["demo", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "doctor" in out and DEMO_PASSWORD in out and "screen failure" in out
    assert (tmp_path / "demo-recovery-key.pdf").read_bytes().startswith(b"%PDF")
    store = open_workstation(data)  # the key is in the keychain like after init
    store.close()
    assert cli.main(["verify", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert cli.main(["demo", "--data-dir", str(data), "--recovery-sheet", str(tmp_path / "other.pdf")]) == 2
    assert "already holds" in capsys.readouterr().err


def test_demo_has_help(capsys):
    with pytest.raises(SystemExit):
        cli.main(["demo", "--help"])
    assert "synthetic" in capsys.readouterr().out


def test_demo_has_dose_visits_labs_and_adverse_events(tmp_path):
    """Issue 5: participants on treatment have full pre-dose panels, administrations with kit numbers,
    adverse events of several kinds and grades, and one SAE whose clock is running. No arm anywhere."""
    from trialdesk.services import visits as vs

    result = build_demo(tmp_path / "data", recovery_sheet=tmp_path / "sheet.pdf")
    store = result.store
    try:
        nurse = users_repo.by_username(store.db, "nurse")
        db = store.db
        given = db.execute("SELECT count(*), count(DISTINCT kit_number) FROM administrations").fetchone()
        assert given[0] >= 5 and given[0] == given[1]  # every kit used once
        per_sample = db.execute("SELECT count(*) FROM lab_results GROUP BY sample_id").fetchall()
        assert per_sample and all(n == 7 for (n,) in per_sample)  # IgG, NK + the pre-dose panel
        kinds = db.execute("SELECT DISTINCT term, grade FROM adverse_events").fetchall()
        assert len({t for t, _ in kinds}) >= 3 and len({g for _, g in kinds}) >= 2
        [clock] = vs.open_sae_clocks(store, nurse)
        assert 0 < clock.remaining().total_seconds() <= 24 * 3600
        columns = " ".join(r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
        assert not re.search(r"\barm\b|_arm\b|\barm_", columns, re.IGNORECASE)
        assert verify(store).ok
    finally:
        store.close()


def test_demo_follows_participants_to_the_end_and_off_the_path(tmp_path):
    """Issue 11: a completed participant with every contact recorded and the end of study signed, one with the
    study drug discontinued, one withdrawn, one lost to follow-up, concomitant medications — all recorded through
    the services (disposition events, contact rows, signatures), and the casebook prints them."""
    from trialdesk.services import disposition, medications, printing
    from trialdesk.services import visits as vs
    from tests.printouts.test_documents import flat

    result = build_demo(tmp_path / "data", recovery_sheet=tmp_path / "sheet.pdf")
    store = result.store
    try:
        doctor = users_repo.by_username(store.db, "doctor")
        rows = {r.status: r for r in ps.list_participants(store, doctor)}
        assert {"completed", "withdrawn", "lost_to_follow_up"} <= set(rows)
        done = rows["completed"]
        calendar = vs.contacts_calendar(store, doctor, done.id)
        passed = [c for c in calendar if c.code != "EOS" and not c.code.startswith("FU")]
        assert passed and all(c.state == "done" for c in passed), [(c.code, c.state) for c in passed]
        events = [e.event for e in disposition.events(store, doctor, done.id)]
        assert events == ["first_dose", "treatment_complete", "completed"]
        eos = [c for c in calendar if c.code == "EOS"][0]
        assert eos.state == "done"
        discontinued = [r for r in ps.list_participants(store, doctor)
                        if any(e.event == "study_drug_discontinued" for e in disposition.events(store, doctor, r.id))]
        assert len(discontinued) == 1 and discontinued[0].status == "follow_up"
        withdrawn = disposition.events(store, doctor, rows["withdrawn"].id)[-1]
        assert withdrawn.event == "consent_withdrawn" and withdrawn.withdrawal_scope == "safety_follow_up"
        assert disposition.events(store, doctor, rows["lost_to_follow_up"].id)[-1].event == "lost_to_follow_up"
        meds = medications.all_medications(store, doctor)
        assert len(meds) >= 4 and any(m.adverse_event_id for m in meds) and any(m.forbidden_class for m in meds)
        text = flat(printing.casebook(store, doctor, done.id))
        assert "End of study" in text and "Contact attempts" in text and "Cetirizin" in text
        assert "Blood tests at the consultation" in text
        assert verify(store).ok
    finally:
        store.close()
