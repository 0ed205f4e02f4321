"""Exchange benchmark (issue 12, point 9): the first full exchange of a 66-participant trial (the demo store's 15
participants at every stage plus 51 more screened, enrolled and with their first pre-dose blood results, all made
through the services) from site H to a new workstation R, and the incremental exchange of a day's work (three
participants' blood results and two screening corrections). Send and receive times and the bundle's size.

Baselines, measured in the same run: for sending, reading the same audit rows and writing them as gzip'd JSON (what
any change feed must at least do, without signature, encryption, chain links or digests); for receiving, opening and
verifying the same bundle without applying it (decrypt, signature, manifest, chain) — the ratio is the cost of the
merge itself. Receive runs on a fresh copy of R each time.

    python bench/exchange.py [--runs N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from _common import report  # noqa: E402

OSLO = ZoneInfo("Europe/Oslo")
PASSWORD = "Bench-passord-2026"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


def _median(values):
    values = sorted(values)
    return values[len(values) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    from trialdesk.services.demo import synthetic_id_number
    from trialdesk.exchange import bundle as fmt
    from trialdesk.services import auth, bundles, merge, pairing, workstation
    from trialdesk.services import participants as ps
    from trialdesk.services import screening as sc
    from trialdesk.services import visits as vs
    from trialdesk.services.demo import DEMO_PASSWORD, build_demo

    today = date(2026, 3, 2)
    root = Path(tempfile.mkdtemp(prefix="td-bench-exchange-"))
    try:
        t0 = time.perf_counter()
        demo = build_demo(root / "H", recovery_sheet=root / "h.pdf", today=today)
        h = demo.store
        doctor = auth.login(h, "doctor", DEMO_PASSWORD)
        nurse = auth.login(h, "nurse", DEMO_PASSWORD)
        entry = sc.ScreeningEntry(screening_date=today, canadian_criteria_met=True, severity="moderate",
                                  me_cfs_onset_date=date(2019, 10, 15), onset_trigger="infection",
                                  pregnancy_test="negative", nk_text="210", nk_unit="10^6/L", igg_text="9,8",
                                  igg_unit="g/L")
        judged = {"I7": sc.Judgement(True, "discussed"), **{c: sc.Judgement(False) for c in (
            "E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12")}}
        panel = {"HB": ("13,2", "g/dL"), "NEUT": ("3,1", "10^9/L"), "LYMPH": ("1,6", "10^9/L"),
                 "WBC": ("6,0", "10^9/L"), "PLT": ("240", "10^9/L"), "IGG": ("8,4", "g/L"), "NK": ("210", "10^6/L")}
        extra = []
        for n in range(51):
            born = date(1970 + n % 30, 1 + n % 12, 1 + n % 27)
            sex = "F" if n % 2 else "M"
            identity = ps.Identity(f"Benchperson {n}", synthetic_id_number(born, sex, n % 5), "+47 400 00 000",
                                   "Dr. Bench")
            pid = ps.register_candidate(h, doctor, sex=sex, birth_date=born,
                                        childbearing_potential=True if sex == "F" else None, identity=identity,
                                        today=today).participant_id
            day = today - timedelta(days=1)
            ps.record_consent(h, doctor, pid, form_version="1.0", language="nb", participant_signed_on=day,
                              investigator_signed_on=day, copy_given=True, today=today)
            sc.save_screening(h, doctor, pid, entry, judged, today=today)
            sc.sign_eligibility(h, doctor, pid, username="doctor", password=DEMO_PASSWORD, today=today)
            extra.append(pid)
        for pid in extra:
            vs.record_pre_dose_labs(h, nurse, pid, "D1", sampled_at=datetime(2026, 5, 25, 8, 0, tzinfo=OSLO),
                                    entries={a: vs.LabEntry(*v) for a, v in panel.items()}, read_back={"IGG", "NK"})
        built = time.perf_counter() - t0
        r = workstation.setup_workstation(root / "R", site_code="R", site_name="Radium", admin_username="radmin",
                                          admin_full_name="Rita Admin", admin_password=PASSWORD,
                                          recovery_sheet=root / "r.pdf", training=True)
        ours, theirs = pairing.own_identity(h, doctor), pairing.own_identity(r.store, r.admin)
        pairing.pair(h, doctor, theirs.text, theirs.fingerprint)
        pairing.pair(r.store, r.admin, ours.text, ours.fingerprint)
        participants = h.db.execute("SELECT count(*) FROM participants").fetchone()[0]
        audit_rows = h.db.execute("SELECT count(*) FROM audit").fetchone()[0]
        print(f"built H: {participants} participants, {audit_rows} audit rows in {built:.1f} s")
        r_folder, r_key = r.store.folder, workstation.key_for(r.store.folder)
        r.store.close()
        from trialdesk.db.connection import open_store

        def bare_send():
            rows = h.db.execute("SELECT * FROM audit WHERE action IN ('INSERT','UPDATE','DELETE')").fetchall()
            return gzip.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"))

        def measure(data_for_send):
            send_times, bare_times = [], []
            data = b""
            for _ in range(args.runs):
                start = time.perf_counter()
                data = data_for_send()
                send_times.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                bare_send()
                bare_times.append((time.perf_counter() - start) * 1000)
            return data, send_times, bare_times

        def fresh_r(name: str):
            target = root / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(r_folder, target)
            return open_store(target, r_key)

        # First full exchange.
        data, send_times, bare_times = measure(lambda: bundles.make_bundle(h, doctor, "R")[0])
        recv_times, open_times = [], []
        final = None
        for i in range(args.runs):
            store = fresh_r(f"R{i}")
            admin = auth.login(store, "radmin", PASSWORD)
            keys = pairing.own_keys(store, admin)
            start = time.perf_counter()
            fmt.read_bundle(data, keys, recipient_store_id=store.info.store_id,
                            trust=lambda sid, key: pairing.trusted_peer(store, sid, key),
                            event_hash=merge._event_hash)  # noqa: SLF001
            open_times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            merge.receive_bundle(store, admin, data)
            recv_times.append((time.perf_counter() - start) * 1000)
            if final is not None:
                final.close()
            final = store
        events = json.loads(json.dumps(bundles.make_bundle(h, doctor, "R")[1]["event_count"]))
        print(f"first full exchange: {events} events, bundle {len(data) / 1024:.0f} KiB")
        report("send (make the bundle)", _median(send_times), _median(bare_times), "bare rows as gzip'd JSON")
        report("receive (verify + merge)", _median(recv_times), _median(open_times), "verify only (no merge)")
        assert merge.data_digests(final) == merge.data_digests(h), "R does not hold what H holds"

        # R acknowledges; then a day's work at H travels.
        ack, _, _ = bundles.make_bundle(final, auth.login(final, "radmin", PASSWORD), "H")
        merge.receive_bundle(h, doctor, ack)
        for pid in extra[:3]:
            vs.record_pre_dose_labs(h, nurse, pid, "D2", sampled_at=datetime(2026, 6, 8, 8, 0, tzinfo=OSLO),
                                    entries={a: vs.LabEntry(*v) for a, v in panel.items()}, read_back={"IGG", "NK"})
        for pid in extra[3:5]:
            sc.save_screening(h, doctor, pid, sc.ScreeningEntry(**{**entry.__dict__, "severity": "severe"}), judged,
                              today=today, reason="re-assessed")
        final_folder = final.folder
        final.close()
        day_send, day_bare = [], []
        day = b""
        for _ in range(args.runs):
            start = time.perf_counter()
            day = bundles.make_bundle(h, doctor, "R")[0]
            day_send.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            bare_send()
            day_bare.append((time.perf_counter() - start) * 1000)
        day_recv, day_open = [], []
        for i in range(args.runs):
            target = root / f"D{i}"
            shutil.copytree(final_folder, target)
            store = open_store(target, r_key)
            admin = auth.login(store, "radmin", PASSWORD)
            keys = pairing.own_keys(store, admin)
            start = time.perf_counter()
            fmt.read_bundle(day, keys, recipient_store_id=store.info.store_id,
                            trust=lambda sid, key: pairing.trusted_peer(store, sid, key),
                            event_hash=merge._event_hash)  # noqa: SLF001
            day_open.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            result = merge.receive_bundle(store, admin, day)
            day_recv.append((time.perf_counter() - start) * 1000)
            store.close()
        print(f"a day's work: {result.applied} changes applied, bundle {len(day) / 1024:.0f} KiB")
        report("send a day's work", _median(day_send), _median(day_bare), "bare rows of the whole trail")
        report("receive a day's work", _median(day_recv), _median(day_open), "verify only (no merge)")
        h.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
