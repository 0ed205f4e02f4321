"""Power-loss style test: SIGKILL a writer mid-stream; every reported commit survives, verify passes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from trialdesk.db.connection import open_store
from trialdesk.services import workstation

WRITER = r"""
import sys
from pathlib import Path
import trialdesk.db
from trialdesk.clock import new_id, utc_iso
from trialdesk.db.connection import Actor, open_store

store = open_store(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
actor = Actor("writer", "writer")
start = int(sys.argv[3])
print("ready", flush=True)
for i in range(start, start + 100000):
    now = utc_iso()
    pid = new_id()
    with store.acting(actor) as db:
        db["participants"].insert({"id": pid, "site": "H", "created_at": now, "updated_at": now,
                                   "study_id": f"KTS11-H-{i:06d}", "status": "candidate"})
        if i % 3 == 0:
            db["identities"].insert({"id": new_id(), "site": "H", "created_at": now, "updated_at": now,
                                     "participant_id": pid, "phone": "00000000"})
    print(f"committed {i}", flush=True)
"""

ROUNDS = int(os.environ.get("TRIALDESK_KILL_ROUNDS", "12"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX; Windows CI runs the rest")
def test_sigkill_during_saves_loses_no_committed_write(store):
    folder = store.folder
    key = workstation.key_for(folder)
    store.close()
    rng = random.Random(20261126)
    committed: set[int] = set()
    next_start = 0
    for _ in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), key.hex(), str(next_start)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        seen = []
        os.set_blocking(proc.stdout.fileno(), False)
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.startswith("committed "):
                seen.append(int(line.split()[1]))
            elif not line:
                time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        os.set_blocking(proc.stdout.fileno(), True)
        for line in proc.stdout.read().splitlines():  # lines printed before the kill landed
            if line.startswith("committed "):
                seen.append(int(line.split()[1]))
        proc.stdout.close()
        committed.update(seen)
        next_start = (max(seen) + 1 if seen else next_start) + 1000

        reopened = open_store(folder, key)  # a stale lock file from the killed process must not block
        try:
            report = workstation.verify(reopened)
            assert report.ok, report.lines()
            present = {int(r[0][-6:]) for r in reopened.db.execute("SELECT study_id FROM participants")}
        finally:
            reopened.close()
        missing = committed - present
        assert not missing, f"reported committed but lost: {sorted(missing)[:5]}"
    assert len(committed) > ROUNDS  # the test really wrote something each round
