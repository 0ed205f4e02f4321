"""The exchange as a property (issue 12, point 8), over real encrypted stores: three workstations (H, R, S, all
paired) make random edits — new candidates, screening, signed eligibility, pre-dose blood results (the same dose
at two workstations), corrections, deletions — and bundles travel between them in random order, duplicated,
dropped and re-sent. Once every bundle is delivered and every conflict decided, all three hold the same data
(equal per-participant digests and equal CSV exports), every concurrent change of one field surfaced as a
conflict, and nothing was lost. Plus: a SIGKILL during an import leaves the store as before and the import can be
repeated."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import ADMIN_PASSWORD, PASSWORD, another_workstation
from tests.services.test_bundles import _pair
from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register, sign
from trialdesk.domain.people import Role
from trialdesk.errors import TrialDeskError
from trialdesk.services import auth, bundles, exports, merge, workstation
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs

OSLO = ZoneInfo("Europe/Oslo")
SITES = ("H", "R", "S")
SEVERITIES = ("mild", "moderate", "severe")
IGG = ("9,8", "10,4", "8,9", "11,2")
PANEL = {"HB": ("13,2", "g/dL"), "NEUT": ("3,1", "10^9/L"), "LYMPH": ("1,6", "10^9/L"), "WBC": ("6,0", "10^9/L"),
         "PLT": ("240", "10^9/L"), "IGG": ("8,4", "g/L"), "NK": ("210", "10^6/L")}


@dataclasses.dataclass
class Site:
    code: str
    store: object
    admin: object
    doctor: object
    nurse: object


def _world(tmp_path) -> dict[str, Site]:
    sites = {}
    for code in SITES:
        made = another_workstation(tmp_path / code, code, f"Site {code}", f"{code.lower()}admin", f"Admin {code}")
        doctor = auth.create_user(made.store, made.admin, username=f"{code.lower()}doctor", full_name=f"Doctor {code}",
                                  role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)
        nurse = auth.create_user(made.store, made.admin, username=f"{code.lower()}nurse", full_name=f"Nurse {code}",
                                 role=Role.NURSE, password=PASSWORD, temporary=False)
        sites[code] = Site(code, made.store, made.admin, doctor, nurse)
    for a, b in (("H", "R"), ("H", "S"), ("R", "S")):
        _pair(sites[a].store, sites[a].admin, sites[b].store, sites[b].admin)
    return sites


def _ids(store, sql, params=()) -> list[str]:
    return [r[0] for r in store.db.execute(sql, list(params)).fetchall()]


def _last_event(store, table, record_id) -> str:
    return store.db.execute("SELECT id FROM audit WHERE table_name = ? AND record_id = ? AND action = 'UPDATE' "
                            "ORDER BY seq DESC LIMIT 1", [table, record_id]).fetchone()[0]


def _has_event(store, event_id) -> bool:
    return bool(store.db.execute("SELECT 1 FROM audit WHERE id = ?", [event_id]).fetchone())


class Run:
    def __init__(self, sites: dict[str, Site], rng: random.Random):
        self.sites, self.rng = sites, rng
        self.in_flight: list[tuple[str, bytes]] = []  # (recipient, bundle)
        self.writes: list[dict] = []  # field writes: record, field, value, event id, writer, seen events then
        self.nth = 0

    def some(self, items):
        return self.rng.choice(items) if items else None

    # --- edits -------------------------------------------------------------------------------------------------
    def register(self, site: Site) -> None:
        self.nth += 1
        pid = register(site.store, site.doctor, nth=self.nth)
        consent(site.store, site.doctor, pid)
        sc.save_screening(site.store, site.doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
        if self.rng.random() < 0.6:
            sign(site.store, site.doctor, pid)

    def screen(self, site: Site) -> None:
        pid = self.some(_ids(site.store, "SELECT participant_id FROM screenings"))
        if pid is None:
            return
        sid = site.store.db.execute("SELECT id, severity, igg_value_text FROM screenings WHERE participant_id = ?",
                                    [pid]).fetchone()
        field = self.rng.choice(("severity", "igg_value_text"))
        current = sid[1] if field == "severity" else sid[2]
        choices = [v for v in (SEVERITIES if field == "severity" else IGG) if v != current]
        value = self.rng.choice(choices)
        entry = dataclasses.replace(ELIGIBLE, severity=sid[1], igg_text=sid[2])
        entry = dataclasses.replace(entry, **{"severity" if field == "severity" else "igg_text": value})
        seen = set(_ids(site.store, "SELECT id FROM audit WHERE table_name = 'screenings' AND record_id = ?", [sid[0]]))
        try:
            sc.save_screening(site.store, site.doctor, pid, entry, JUDGED, today=TODAY,
                              reason=f"corrected at {site.code}")
        except TrialDeskError:
            return  # e.g. refused after the signature for a change the rules do not allow: nothing written
        event = _last_event(site.store, "screenings", sid[0])
        if event not in seen:
            self.writes.append({"record": sid[0], "field": field, "old": current, "value": value, "event": event,
                                "site": site.code, "seen": seen})

    def labs(self, site: Site) -> None:
        enrolled = _ids(site.store, "SELECT id FROM participants WHERE status = 'enrolled' AND id NOT IN "
                                    "(SELECT participant_id FROM dose_visits)")
        pid = self.some(enrolled)
        if pid is None:
            return
        when = datetime(2026, 5, 25, 8, 0, tzinfo=OSLO) + timedelta(minutes=self.rng.randrange(60))
        igg = self.rng.choice(("8,4", "9,1", "7,9"))
        entries = {a: vs.LabEntry(v if a != "IGG" else igg, u) for a, (v, u) in PANEL.items()}
        try:
            vs.record_pre_dose_labs(site.store, site.nurse, pid, "D1", sampled_at=when, entries=entries,
                                    read_back={"IGG", "NK"})
        except TrialDeskError:
            return

    def delete(self, site: Site) -> None:
        jid = self.some(_ids(site.store, "SELECT id FROM screening_judgements WHERE criterion_id = 'E12'"))
        if jid is None:
            return
        with site.store.acting(auth.actor(site.doctor), "entered for the wrong criterion (test)") as tx:
            tx.execute("DELETE FROM screening_judgements WHERE id = ?", [jid])

    # --- bundles -------------------------------------------------------------------------------------------
    def send(self, a: Site, b: Site) -> None:
        data, _, _ = bundles.make_bundle(a.store, a.doctor, b.code)
        fate = self.rng.random()
        if fate < 0.15:
            return  # lost on the way
        self.in_flight.append((b.code, data))
        if fate > 0.85:
            self.in_flight.append((b.code, data))  # delivered twice

    def deliver(self, index: int | None = None) -> None:
        if not self.in_flight:
            return
        index = self.rng.randrange(len(self.in_flight)) if index is None else index
        code, data = self.in_flight.pop(index)
        site = self.sites[code]
        merge.receive_bundle(site.store, site.doctor, data)  # never refused between honest workstations

    def full_round(self) -> None:
        for a in SITES:
            for b in SITES:
                if a != b:
                    data, _, _ = bundles.make_bundle(self.sites[a].store, self.sites[a].doctor, b)
                    merge.receive_bundle(self.sites[b].store, self.sites[b].doctor, data)


def _csv(site: Site) -> dict[str, bytes]:
    files = exports.export_csv(site.store, site.doctor).files
    return {name: data for name, data in files.items() if name.endswith(".csv")}


# Three seeds in the suite; TRIALDESK_MERGE_SEEDS=N runs N more (for a longer search on a quiet machine).
SEEDS = [20261203, 7, 1138] + list(range(1, 1 + int(os.environ.get("TRIALDESK_MERGE_SEEDS", "0"))))


@pytest.mark.parametrize("seed", SEEDS)
def test_three_workstations_converge_and_surface_every_concurrent_change(tmp_path, seed):
    sites = _world(tmp_path)
    run = Run(sites, random.Random(seed))
    for _ in range(3):
        run.register(sites[run.rng.choice(SITES)])
    run.full_round()
    for _ in range(40):
        site = sites[run.rng.choice(SITES)]
        op = run.rng.random()
        if op < 0.12:
            run.register(site)
        elif op < 0.45:
            run.screen(site)
        elif op < 0.55:
            run.labs(site)
        elif op < 0.6:
            run.delete(site)
        elif op < 0.85:
            a, b = run.rng.sample(SITES, 2)
            run.send(sites[a], sites[b])
        else:
            run.deliver()
    while run.in_flight:  # the late ones, in random order
        run.deliver()
    conflicts_seen: dict[str, merge.Conflict] = {}
    for _ in range(10):
        run.full_round()
        opened = [c for s in sites.values() for c in merge.conflicts(s.store, s.doctor)]
        if not opened:
            break
        if os.environ.get("TD_DEBUG_MERGE"):
            for s in sites.values():
                print("ROUND", s.code, sorted((c.kind, c.table, c.field, c.id[:6], c.record_id[:6])
                                              for c in merge.conflicts(s.store, s.doctor)))
        # The first workstation with open conflicts decides them; the others hear of it in the next round.
        site = next(x for x in sites.values() if merge.conflicts(x.store, x.doctor))
        while True:
            found = merge.conflicts(site.store, site.doctor)
            if not found:
                break
            conflicts_seen.update((c.id, c) for c in found)
            merge.resolve(site.store, site.doctor, found[0].id, run.rng.choice(("this", "other")),
                          "decided in the test")
    else:
        pytest.fail("conflicts kept coming back")
    for s in sites.values():
        for c in merge.conflicts(s.store, s.doctor, include_resolved=True):
            conflicts_seen.setdefault(c.id, c)

    # All three hold the same data.
    digests = {code: merge.data_digests(s.store) for code, s in sites.items()}
    if os.environ.get("TD_DEBUG_MERGE"):
        from trialdesk.db import merge as mr
        for t in merge.travelling_tables(sites["H"].store):
            d = {c: mr.data_digests(s.store.db, [t]) for c, s in sites.items()}
            if not (d["H"] == d["R"] == d["S"]):
                print("DIGESTDIFF", t, {c: len(v) for c, v in d.items()})
        for t in merge.travelling_tables(sites["H"].store):
            rows = {c: {r[:3] + r[4:] for r in s.store.db.execute(f"SELECT * FROM {t}").fetchall()} for c, s in sites.items()}
            for c in ("R", "S"):
                if rows["H"] != rows[c]:
                    print("DIFF", t, c, "H-only", sorted(rows["H"] - rows[c])[:3], c + "-only",
                          sorted(rows[c] - rows["H"])[:3])
                    import json as _j
                    rid = sorted(rows["H"] - rows[c])[0][0]
                    for code, st in sites.items():
                        print("HIST", code)
                        for a in st.store.db.execute("SELECT seq, id, site, username, reason, action, old_values, "
                                                     "new_values FROM audit WHERE record_id = ? ORDER BY seq", [rid]):
                            o, n = _j.loads(a[6] or "{}"), _j.loads(a[7] or "{}")
                            print("   ", a[0], a[1][:6], a[2], a[3], a[4], a[5],
                                  {k: (o.get(k), v) for k, v in n.items() if o.get(k) != v and k != "updated_at"})
                        for cf in st.store.db.execute("SELECT id, field, status, local_value, remote_value, "
                                                      "resolution_id FROM exchange_conflicts WHERE record_id = ?",
                                                      [rid]):
                            print("    C", cf[0][:6], cf[1], cf[2], cf[3], cf[4], (cf[5] or "")[:6])
                        for rr in st.store.db.execute("SELECT id, conflict_id, field, choice, value, site FROM "
                                                      "conflict_resolutions WHERE record_id = ?", [rid]):
                            print("    R", rr[0][:6], rr[1][:6], rr[2], rr[3], rr[4], rr[5])
    assert digests["H"] == digests["R"] == digests["S"] and len(digests["H"]) >= 3
    csv = {code: _csv(s) for code, s in sites.items()}
    assert csv["H"] == csv["R"] == csv["S"]
    run.full_round()  # once more, so that each one's reported digests are of its final data
    for s in sites.values():
        assert workstation.verify(s.store).ok
        _, lines = merge.reconciliation(s.store, s.doctor, next(c for c in SITES if c != s.code))
        assert all(line.equal for line in lines)

    # Every concurrent change of one field surfaced as a conflict: two writes, neither made knowing the other, that
    # changed the field from the same value to different values.
    conflicted = {(c.record_id, c.field) for c in conflicts_seen.values() if c.kind == "field"}
    for i, w1 in enumerate(run.writes):
        for w2 in run.writes[i + 1:]:
            if (w1["record"], w1["field"]) != (w2["record"], w2["field"]) or w1["site"] == w2["site"]:
                continue
            concurrent = w1["event"] not in w2["seen"] and w2["event"] not in w1["seen"]
            if concurrent and w1["old"] == w2["old"] and w1["value"] != w2["value"]:
                assert (w1["record"], w1["field"]) in conflicted, (w1, w2)

    # Nothing lost: every write is the final value, or one side of a conflict decided with a reason.
    final = {r[0]: {"severity": r[1], "igg_value_text": r[2]} for r in sites["H"].store.db.execute(
        "SELECT id, severity, igg_value_text FROM screenings").fetchall()}
    sides: dict[tuple, set] = {}
    for c in conflicts_seen.values():
        sides.setdefault((c.record_id, c.field), set()).update({repr(c.local_value), repr(c.remote_value)})
    for w in run.writes:
        later = [x for x in run.writes if (x["record"], x["field"]) == (w["record"], w["field"]) and
                 w["event"] in x["seen"]]
        if later:
            continue  # superseded by a change made knowing it
        assert final[w["record"]][w["field"]] == w["value"] or repr(w["value"]) in sides.get(
            (w["record"], w["field"]), set()), w
        assert _has_event(sites["H"].store, w["event"]) or any(
            _has_event(s.store, w["event"]) for s in sites.values())


IMPORTER = r"""
import sys
from pathlib import Path
from trialdesk.db.connection import open_store
from trialdesk.services import auth, merge

store = open_store(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
user = auth.login(store, sys.argv[3], sys.argv[4])
data = Path(sys.argv[5]).read_bytes()
print("ready", flush=True)
merge.receive_bundle(store, user, data)
print("imported", flush=True)
"""


def _snapshot(store) -> dict:
    out = {t: store.db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in merge.travelling_tables(store)}
    out["conflicts"] = store.db.execute("SELECT * FROM exchange_conflicts ORDER BY id").fetchall()
    out["origins"] = store.db.execute("SELECT origin_store_id, head_seq FROM origin_state").fetchall()
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_an_import_leaves_the_store_as_before(tmp_path):
    from trialdesk.db.connection import open_store
    from trialdesk.services.demo import DEMO_PASSWORD, build_demo

    demo = build_demo(tmp_path / "H", recovery_sheet=tmp_path / "h.pdf")
    h = demo.store
    h_doctor = auth.login(h, "doctor", DEMO_PASSWORD)
    r = another_workstation(tmp_path / "R", "R", "Site R", "radmin", "Admin R")
    _pair(h, h_doctor, r.store, r.admin)
    bundle = tmp_path / "h-to-r.tdbundle"
    bundle.write_bytes(bundles.make_bundle(h, h_doctor, "R")[0])
    folder, key = r.store.folder, workstation.key_for(r.store.folder)
    before = _snapshot(r.store)
    r.store.close()
    rng = random.Random(20261203)
    outcomes = []
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(folder), key.hex(), "radmin", ADMIN_PASSWORD,
                                 str(bundle)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        rest = proc.stdout.read()
        proc.stdout.close()
        store = open_store(folder, key)
        try:
            assert workstation.verify(store).ok
            now = _snapshot(store)
            assert ("imported" in rest) or now == before  # killed before the commit: nothing of it is there
            outcomes.append("imported" in rest)
            if "imported" not in rest:
                assert now == before
        finally:
            store.close()
        if "imported" in rest:
            break
    store = open_store(folder, key)
    try:
        admin = auth.login(store, "radmin", ADMIN_PASSWORD)
        merge.receive_bundle(store, admin, bundle.read_bytes())  # repeated: applies what is missing, no more
        assert merge.data_digests(store) == merge.data_digests(h)
        assert merge.open_conflict_count(store) == 0
    finally:
        store.close()
        h.close()
    assert outcomes and not outcomes[0] or len(outcomes) >= 1
