"""Store benchmark: open-with-key and saving a realistic visit, encrypted vs a plain SQLite file.

Both stores have the same schema, audit triggers and hash chain (sqlcipher3 without a key is plain
SQLite), so the ratio is the cost of encryption. A visit = 10 lab values + 2 adverse events + their
audit rows, in one transaction. Prints medians and ratios measured in the same run.

    python bench/store.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trialdesk.db.driver  # noqa: E402,F401
from _common import median_ms, report  # noqa: E402
from trialdesk.clock import new_id, utc_iso  # noqa: E402
from trialdesk.db import keystore, migrations  # noqa: E402
from trialdesk.db.connection import Actor, _Context, _configure, _register_functions  # noqa: E402
from trialdesk.db.driver import DRIVER  # noqa: E402

import sqlite_utils  # noqa: E402

def open_db(path: Path, key: bytes | None):
    conn = DRIVER.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    _configure(conn)
    ctx = _Context("H")
    _register_functions(conn, ctx)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrations.apply(db)
    return db, ctx


def prepare(path: Path, key: bytes | None) -> None:
    """A store with one enrolled participant and an open dose visit (the real schema and triggers)."""
    db, ctx = open_db(path, key)
    ctx.actor = Actor("bench", "bench")
    now = utc_iso()
    with db.atomic():
        db["participants"].insert({"id": "p1", "site": "H", "created_at": now, "updated_at": now,
                                   "study_id": "KTS11-H-001", "sex": "F", "birth_date": "1990-05-01",
                                   "status": "on_treatment", "inclusion_date": "2026-01-05"})
        db["dose_visits"].insert({"id": "v1", "site": "H", "created_at": now, "updated_at": now,
                                  "participant_id": "p1", "dose_code": "D2", "visit_date": "2026-04-13"})
    db.conn.close()


ANALYTES = ("IGG", "NK", "HB", "NEUT", "LYMPH", "WBC", "PLT", "ALT", "CREAT", "CRP")


def save_visit(db, ctx) -> None:
    """10 lab values + 2 adverse events + their audit rows, in one transaction."""
    ctx.actor, ctx.reason = Actor("bench", "bench"), None
    now = utc_iso()
    stamp = {"site": "H", "created_at": now, "updated_at": now}
    with db.atomic():
        sample = new_id()
        db["lab_samples"].insert({"id": sample, **stamp, "participant_id": "p1", "dose_visit_id": "v1",
                                  "sampled_at": now, "context": "pre_dose"})
        for i, analyte in enumerate(ANALYTES):
            db["lab_results"].insert({"id": new_id(), **stamp, "sample_id": sample, "analyte": analyte,
                                      "entered_value": f"{4 + i},{i}", "entered_unit": "g/L", "value": 4.0 + i,
                                      "unit": "g/L", "flag": None, "read_back": 1})
        for term in ("injection_site_reaction", "fatigue"):
            db["adverse_events"].insert({"id": new_id(), **stamp, "participant_id": "p1", "reported_visit_id": "v1",
                                         "verbatim": "redness", "term": term, "ctcae_version": "5.0",
                                         "onset_date": "2026-04-13", "grade": 1, "serious": 0,
                                         "causality": "possible", "action_taken": "none", "outcome": "recovered"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    key = keystore.new_key()
    with tempfile.TemporaryDirectory() as tmp:
        enc, plain = Path(tmp) / "enc.db", Path(tmp) / "plain.db"
        prepare(enc, key)
        prepare(plain, None)

        def open_close(path, k):
            return lambda: open_db(path, k)[0].conn.close()

        open_enc = median_ms(open_close(enc, key), args.runs)
        open_plain = median_ms(open_close(plain, None), args.runs)
        db_e, ctx_e = open_db(enc, key)
        db_p, ctx_p = open_db(plain, None)
        for _ in range(200):  # a store with some history, like a site after a few months
            save_visit(db_e, ctx_e)
            save_visit(db_p, ctx_p)
        save_enc = median_ms(lambda: save_visit(db_e, ctx_e), args.runs)
        save_plain = median_ms(lambda: save_visit(db_p, ctx_p), args.runs)
        db_e.conn.close()
        db_p.conn.close()
        from trialdesk.db.connection import create_store, open_store

        create_store(Path(tmp) / "store", key, site_code="H", site_name="Bench").close()
        full_open = median_ms(lambda: open_store(Path(tmp) / "store", key).close(), args.runs)
    print(f"TrialDesk store benchmark ({args.runs} runs each, medians)")
    report("open with key + migrations check", open_enc, open_plain, "plain SQLite", "<= 1.5x")
    report("open_store (+ lock, quick_check, close)", full_open, open_plain, "plain SQLite open")
    report("save a visit (10 labs + 2 AEs + audit)", save_enc, save_plain, "plain SQLite", "<= 1.5x, <= 20 ms")


if __name__ == "__main__":
    main()
