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

import trialdesk.db  # noqa: E402,F401
from _common import median_ms, report  # noqa: E402
from trialdesk.clock import new_id, utc_iso  # noqa: E402
from trialdesk.db import keystore, migrations  # noqa: E402
from trialdesk.db.connection import Actor, _Context, _configure, _register_functions  # noqa: E402
from trialdesk.db.driver import DRIVER  # noqa: E402

import sqlite_utils  # noqa: E402

BENCH_SCHEMA = """
CREATE TABLE IF NOT EXISTS bench_labs (id TEXT PRIMARY KEY, site TEXT, created_at TEXT, updated_at TEXT,
    visit_id TEXT, analyte TEXT, entered_value TEXT, entered_unit TEXT, value REAL, unit TEXT, flag TEXT);
CREATE TABLE IF NOT EXISTS bench_aes (id TEXT PRIMARY KEY, site TEXT, created_at TEXT, updated_at TEXT,
    visit_id TEXT, term TEXT, verbatim TEXT, grade INTEGER, serious INTEGER, causality TEXT, outcome TEXT)
"""


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
    db, _ = open_db(path, key)
    with db.atomic():
        for statement in BENCH_SCHEMA.split(";"):
            db.execute(statement)
        migrations._audited(db, "bench_labs")
        migrations._audited(db, "bench_aes")
    db.conn.close()


def save_visit(db, ctx) -> None:
    ctx.actor, ctx.reason = Actor("bench", "bench"), None
    visit = new_id()
    now = utc_iso()
    with db.atomic():
        for i, analyte in enumerate(("IGG", "NK", "HB", "NEUT", "LYMPH", "WBC", "PLT", "ALT", "CREAT", "CRP")):
            db["bench_labs"].insert({"id": new_id(), "site": "H", "created_at": now, "updated_at": now,
                                     "visit_id": visit, "analyte": analyte, "entered_value": f"{4 + i},{i}",
                                     "entered_unit": "g/L", "value": 4.0 + i, "unit": "g/L", "flag": None})
        for term in ("injection_site_reaction", "fatigue"):
            db["bench_aes"].insert({"id": new_id(), "site": "H", "created_at": now, "updated_at": now,
                                    "visit_id": visit, "term": term, "verbatim": "redness", "grade": 1,
                                    "serious": 0, "causality": "possible", "outcome": "recovered"})


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
    print(f"TrialDesk store benchmark ({args.runs} runs each, medians)")
    report("open with key + migrations check", open_enc, open_plain, "plain SQLite", "<= 1.5x")
    report("save a visit (10 labs + 2 AEs + audit)", save_enc, save_plain, "plain SQLite", "<= 1.5x, <= 20 ms")


if __name__ == "__main__":
    main()
