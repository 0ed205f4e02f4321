"""Printout and export benchmark (issue 6), each with a baseline measured in the same run.

    python bench/printouts.py [--runs N] [--pairs N]

* visit summary of one dose visit (target ≤ 150 ms) vs a one-page reportlab document in the same fonts;
* casebook of a participant with two doses, a signed override, AEs and corrections (target ≤ 1.5 s)
  vs the same one-page document;
* ODM 1.3.2 export of a 66-participant store (target ≤ 3 s) vs an ElementTree serialisation of the
  same number of elements.

The store is built with the services (tests/printouts/trial_data.py: two participants per call).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

import trialdesk.db.driver  # noqa: E402,F401
from _common import median_ms, report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=33, help="build_trial calls (2 participants each)")
    args = parser.parse_args()

    from tests.conftest import ADMIN_PASSWORD, PASSWORD, MemoryKeyring
    from tests.printouts.trial_data import build_trial
    from trialdesk.domain.people import Role
    from trialdesk.printouts.layout import build, p
    from trialdesk.printouts.model import DocumentHeader
    from trialdesk.services import auth, exports, printing
    from trialdesk.services.printout_words import document_words
    from trialdesk.services.workstation import setup_workstation

    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        setup = setup_workstation(Path(tmp) / "data", site_code="H", site_name="Haukeland", admin_username="admin",
                                  admin_full_name="Ada Admin", admin_password=ADMIN_PASSWORD,
                                  recovery_sheet=Path(tmp) / "recovery.pdf")
        store = setup.store
        users = {Role.ADMINISTRATOR: setup.admin}
        for role, name, full in ((Role.INVESTIGATOR, "doctor", "Dina Doktor"), (Role.NURSE, "nurse", "Nils Nurse"),
                                 (Role.MONITOR, "monitor", "Mona Monitor")):
            users[role] = auth.create_user(store, setup.admin, username=name, full_name=full, role=role,
                                           password=PASSWORD, temporary=False)
        trials = [build_trial(store, users, nth=n) for n in range(args.pairs)]
        count = store.db.execute("SELECT count(*) FROM participants").fetchone()[0]
        audit_rows = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
        print(f"store: {count} participants, {audit_rows} audit rows")
        nurse, monitor = users[Role.NURSE], users[Role.MONITOR]
        pid = trials[0].pid

        header = DocumentHeader("KTS-11", "Haukeland (H)", "KTS11-H-001", "Baseline", "1.0", "now", "bench",
                                words=document_words("en"))
        baseline_pdf = median_ms(lambda: build(header, [p("Baseline æøå ≥ µ × ⁹ " * 40)]), args.runs)
        visit = median_ms(lambda: printing.visit_summary(store, nurse, pid, "D2"), args.runs)
        report("visit summary (D2)", visit, baseline_pdf, "one-page reportlab doc", "≤ 150 ms")
        casebook = median_ms(lambda: printing.casebook(store, monitor, pid), max(3, args.runs // 2))
        report("casebook (2 doses, AEs, audit trail)", casebook, baseline_pdf, "one-page reportlab doc", "≤ 1500 ms")

        result = exports.export_odm(store, monitor)
        elements = sum(1 for _ in ET.fromstring(result.data).iter())

        def et_baseline() -> bytes:
            root = ET.Element("ODM")
            parent = root
            for n in range(elements - 1):
                child = ET.SubElement(parent if n % 8 else root, "ItemData", {"ItemOID": "IT.X", "Value": str(n)})
                parent = child if n % 8 == 0 else parent
            return ET.tostring(root, encoding="utf-8")

        baseline_xml = median_ms(et_baseline, args.runs)
        odm_ms = median_ms(lambda: exports.export_odm(store, monitor), max(3, args.runs // 2))
        report(f"ODM export ({count} participants)", odm_ms, baseline_xml, f"ET of {elements} elements", "≤ 3000 ms")
        store.close()
    ok = visit <= 150 and casebook <= 1500 and odm_ms <= 3000
    print("targets: MET" if ok else "targets: NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
