"""``trialdesk`` entry point: the GUI by default, admin sub-commands otherwise.

Every failure is one clear line on stderr and a non-zero exit, never a traceback; nothing clinical
is printed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from trialdesk import __version__
from trialdesk.errors import TrialDeskError
from trialdesk.paths import DATA_DIR_ENV, resolve_data_dir

PASSWORD_ENV = "TRIALDESK_PASSWORD"
NEW_PASSWORD_ENV = "TRIALDESK_NEW_PASSWORD"
ROLES = ("investigator", "nurse", "monitor", "administrator")

EXIT_OK = 0
EXIT_PROBLEM = 1  # the command ran and found a problem (verify, vectors)
EXIT_ERROR = 2  # the command could not do what was asked


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trialdesk",
        description="TrialDesk for the KTS-11 trial. Without a command, starts the application.",
    )
    parser.add_argument("--version", action="version", version=f"TrialDesk {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR",
                        help=f"the store folder (default: ${DATA_DIR_ENV}, else the user data folder)")
    parser.add_argument("--data-dir", metavar="DIR", dest="top_data_dir",
                        help=f"the store folder (default: ${DATA_DIR_ENV}, else the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", parents=[common], help="start the application (the default)")

    p = sub.add_parser("init", parents=[common], help="set up this workstation: a new encrypted store",
                       description="Create a new encrypted store with its first administrator and write "
                                   f"the recovery-key sheet. The password is read from ${PASSWORD_ENV} "
                                   "when set, else asked for without echo.")
    p.add_argument("--site-code", required=True, help="one capital letter, e.g. H (Haukeland)")
    p.add_argument("--site-name", required=True, help="the site's name for printouts")
    p.add_argument("--admin", required=True, metavar="USER", help="user name of the first administrator")
    p.add_argument("--admin-name", metavar="FULL NAME", help="full name of the administrator "
                   "(default: the user name)")
    p.add_argument("--recovery-sheet", required=True, metavar="FILE",
                   help="where to write the recovery-key sheet (PDF); print it and lock it away")

    sub.add_parser("verify", parents=[common],
                   help="check the store: integrity, foreign keys, audit triggers and the audit chain",
                   description="Exits 0 when every check passes, 1 when a problem is found.")

    p = sub.add_parser("backup", parents=[common], help="write a verified encrypted backup")
    p.add_argument("--to", metavar="FILE", help="backup file (default: the store's backups/ folder)")

    p = sub.add_parser("restore", parents=[common], help="replace the store by a backup",
                       description="The current database is kept in backups/ first. On a workstation "
                                   "without this store, the recovery key is asked for (or read from "
                                   "standard input).")
    p.add_argument("file", metavar="FILE")

    sub.add_parser("recover", parents=[common],
                   help="enter the recovery key and put it back in the keychain",
                   description="Reads the recovery key from the terminal (or standard input), checks it "
                               "against the store and saves it in the OS keychain.")

    p = sub.add_parser("demo", parents=[common],
                       help="build a demo store of synthetic participants at every stage (training only)",
                       description="Creates a NEW store in the data folder (which must not hold one) with two "
                                   "or more users per role and synthetic participants: candidates, screening, "
                                   "screen failures (IgG, NK, age, very severe), enrolled, on treatment, "
                                   "follow-up with its calls and consultations, completed, study drug "
                                   "discontinued, consent withdrawn and lost to follow-up. Names are fictional and identity numbers are synthetic test "
                                   "numbers (month + 80). The key goes into the keychain as with 'init'; the "
                                   "recovery-key sheet is written beside the data folder "
                                   "(<data folder>-recovery-key.pdf) unless --recovery-sheet is given. The "
                                   "demo users and their password are printed: never use a demo store for "
                                   "real participants.")
    p.add_argument("--recovery-sheet", metavar="FILE",
                   help="where to write the recovery-key sheet (default: beside the data folder)")

    p = sub.add_parser("vectors", help="run protocol test vectors (files or folders of *.json)",
                       description="Prints one line per failing case, then 'N passed, M failed'. "
                                   "Exits 0 only when nothing failed.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_export_parser(sub, common)
    _add_user_parser(sub, common)
    _add_exchange_parser(sub, common)
    return parser


def _add_exchange_parser(sub, common) -> None:
    """``trialdesk exchange identity|pair|peers|revoke|send|inspect`` (issue 12): pairing workstations, site
    bundles."""
    exchange = sub.add_parser("exchange", help="pair this workstation with another one; write and check site bundles",
                              description="Workstations are paired, not trusted by default. Each command acts as "
                                          "--user (an administrator or investigator) and is audited; the password "
                                          f"is read from ${PASSWORD_ENV} when set, else asked for without echo. "
                                          "Exit status: 0 done, 1 refused (e.g. a fingerprint that does not "
                                          "match), 2 could not run.")
    kinds = exchange.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)
    user = argparse.ArgumentParser(add_help=False)
    user.add_argument("--user", required=True, metavar="USER", help="your TrialDesk user name")
    k = kinds.add_parser("identity", parents=[common, user],
                         help="write this workstation's public identity for the other workstation",
                         description="Writes this workstation's public identity (store, site, study, public keys; "
                                     "no secret) to FILE and prints its fingerprint as the last line, "
                                     "'fingerprint: XXXX XXXX …'. The keys are made on first use. Carry the file "
                                     "to the other workstation; tell its user the fingerprint by phone or on the "
                                     "pairing card (--card), never in the same place as the file.")
    k.add_argument("--out", required=True, metavar="FILE", help="the identity file to write (not overwritten)")
    k.add_argument("--card", metavar="CARD.pdf", help="also write the pairing card with this fingerprint (PDF)")
    k = kinds.add_parser("pair", parents=[common, user], help="pair with the workstation whose identity FILE is",
                         description="Pairs only when FP — read from the other workstation's screen or pairing "
                                     "card, not from the file's company — is the fingerprint of FILE. Exits 1, "
                                     "nothing paired, when it is not.")
    k.add_argument("file", metavar="FILE", help="the other workstation's identity file")
    k.add_argument("--fingerprint", required=True, metavar="FP", help="8 groups of 4 hex digits (spaces optional)")
    k.add_argument("--card", metavar="CARD.pdf", help="also write the pairing card with both fingerprints (PDF)")
    kinds.add_parser("peers", parents=[common, user], help="list the paired workstations (revoked ones too)",
                     description="One line per paired workstation: site, store id, state, paired (UTC), "
                                 "fingerprint, site name.")
    k = kinds.add_parser("revoke", parents=[common, user], help="stop trusting a paired workstation",
                         description="Its bundles are refused from now on; the pairing is kept, marked revoked. "
                                     "PEER is the peer's store id or site code.")
    k.add_argument("peer", metavar="PEER", help="the peer's store id or site code")
    k.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    k = kinds.add_parser("send", parents=[common, user], help="write a site bundle for a paired workstation",
                         description="Writes to FILE (a new file, readable by its owner only) every change made at "
                                     "this workstation that PEER has not acknowledged, signed by this workstation "
                                     "and encrypted to PEER: nothing in it is readable without PEER's key, and any "
                                     "change to it is detected. Prints the manifest: events, range, counts per "
                                     "record type, the audit-chain head and the file's SHA-256. Audited.")
    k.add_argument("--to", required=True, metavar="PEER", help="the peer's store id or site code")
    k.add_argument("--out", required=True, metavar="FILE", help="the bundle file to write (not overwritten)")
    k = kinds.add_parser("receive", parents=[common, user], help="import a site bundle from a paired workstation",
                         description="Verifies FILE (as inspect does) and imports its changes in one transaction, "
                                     "each with its original user, time, reason and site. The same bundle twice "
                                     "changes nothing. A bundle that starts after a gap is kept and applied when the "
                                     "gap is filled; one from a newer TrialDesk is kept and refused; one whose "
                                     "history does not continue what this workstation holds of its sender is "
                                     "refused (its trail was rewritten). Changes made at both workstations are "
                                     "listed as conflicts ('exchange conflicts'), never overwritten. Exits 1 when "
                                     "the bundle is refused.")
    k.add_argument("file", metavar="FILE", help="the bundle file")
    k = kinds.add_parser("sync", parents=[common, user], help="write our bundle for each peer to a folder, read theirs",
                         description="For every paired, not revoked workstation: reads the bundle it left in DIR for "
                                     "this workstation (trialdesk-<its site>-to-<our site>.tdbundle), then writes "
                                     "ours for it (trialdesk-<our site>-to-<its site>.tdbundle, replacing our "
                                     "previous one). DIR can be a shared folder or a USB stick. Exits 1 when a "
                                     "bundle was refused.")
    k.add_argument("--folder", required=True, metavar="DIR", help="the exchange folder")
    kinds.add_parser("status", parents=[common, user], help="per peer: sent, acknowledged, received, held, conflicts",
                     description="One block per paired workstation: the last event sent to it and how far it has "
                                 "acknowledged, what was received from it, bundles held (gap, newer version, "
                                 "rewritten history) and open conflicts.")
    k = kinds.add_parser("conflicts", parents=[common, user], help="list open conflicts, or resolve one",
                         description="Without --resolve: lists the open conflicts, both values side by side with "
                                     "who, when, where and why (the values themselves are shown in the app's "
                                     "Exchange > Conflicts window only: clinical data is never printed on a console). "
                                     "With --resolve ID --keep this|other --reason R: an investigator decides one "
                                     "conflict; the decision is audited and travels to the other workstations. "
                                     "To enter a corrected value, use the Conflicts window.")
    k.add_argument("--all", action="store_true", help="also list resolved conflicts")
    k.add_argument("--resolve", metavar="ID", help="the conflict to decide (its first 6 characters or more)")
    k.add_argument("--keep", choices=("this", "other"), help="keep this workstation's or the other's")
    k.add_argument("--reason", help="why (kept in the audit trail)")
    k = kinds.add_parser("reconcile", parents=[common, user], help="per participant digests here and at a peer",
                         description="Per participant, the digest of the data here and the one PEER reported in its "
                                     "last bundle: equal after a full exchange. With --out, the printable "
                                     "reconciliation report (PDF) for the monitor.")
    k.add_argument("peer", metavar="PEER", help="the peer's store id or site code")
    k.add_argument("--out", metavar="FILE.pdf", help="write the reconciliation report (not overwritten)")
    k = kinds.add_parser("inspect", parents=[common, user], help="verify a site bundle and print its manifest",
                         description="Checks that FILE is a bundle addressed to this workstation from a paired, not "
                                     "revoked workstation, signed by it and unchanged, and prints its manifest. "
                                     "Nothing is imported. Exits 1 when the bundle is refused.")
    k.add_argument("file", metavar="FILE", help="the bundle file")


def _add_user_parser(sub, common) -> None:
    """``trialdesk user add|list|set-role|deactivate|reactivate|reset-password|unlock`` (issue 11)."""
    user = sub.add_parser("user", help="staff accounts: add, list, change role, deactivate, reset a password …",
                          description="Administer the staff accounts of this store (administrator only; every "
                                      "change is audited). The acting administrator's password is read from "
                                      f"${PASSWORD_ENV} when set, else asked for without echo; a new or temporary "
                                      f"password from ${NEW_PASSWORD_ENV}, else asked for twice. Passwords are "
                                      "never printed. Accounts are never deleted: deactivate them.")
    kinds = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", required=True, metavar="ADMIN", help="your (the administrator's) user name")
    reason = argparse.ArgumentParser(add_help=False)
    reason.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    target = argparse.ArgumentParser(add_help=False)
    target.add_argument("username", metavar="USER", help="the account's user name")

    k = kinds.add_parser("add", parents=[common, by], help="add an account (its first password is temporary)",
                         description="Add an account. Its first password (from "
                                     f"${NEW_PASSWORD_ENV}, else asked for twice) is temporary: the new user "
                                     "chooses their own at the first sign-in.")
    k.add_argument("--username", required=True, metavar="USER", help="2-32 characters: a-z, 0-9, '.', '_', '-'")
    k.add_argument("--full-name", required=True, metavar="NAME", help="as it appears on signatures")
    k.add_argument("--role", required=True, choices=ROLES, help="what the person does in the trial")
    kinds.add_parser("list", parents=[common, by], help="list the accounts (active or not)",
                     description="One line per account: user name, role, active, locked, unblinded, temporary "
                                 "password, last password change (UTC), full name.")
    k = kinds.add_parser("set-role", parents=[common, target, by, reason], help="give an account another role",
                         description="Takes effect at the user's next action in an open session.")
    k.add_argument("--role", required=True, choices=ROLES, help="the new role")
    kinds.add_parser("deactivate", parents=[common, target, by, reason], help="deactivate an account (never deleted)",
                     description="The account can no longer sign in; an open session is refused at its next action.")
    kinds.add_parser("reactivate", parents=[common, target, by, reason], help="reactivate a deactivated account")
    k = kinds.add_parser("reset-password", parents=[common, target, by],
                         help="give an account a temporary password (changed at the next sign-in)",
                         description=f"The temporary password is read from ${NEW_PASSWORD_ENV}, else asked for "
                                     "twice; it also ends a lockout.")
    k.add_argument("--reason", help="why (default: 'password reset by the administrator')")
    k = kinds.add_parser("unlock", parents=[common, target, by], help="end a lockout after too many wrong passwords")
    k.add_argument("--reason", help="why (default: 'unlocked by the administrator')")


def _add_export_parser(sub, common) -> None:
    """``trialdesk export casebook|odm|csv`` (issue 6): audited, monitor or investigator only."""
    export = sub.add_parser("export", help="export a casebook (PDF), ODM 1.3.2 (XML) or CSV tables",
                            description="Exports need a monitor or investigator account and are audited. "
                                        f"The password is read from ${PASSWORD_ENV} when set, else asked for "
                                        "without echo. Only study ids are exported, never identities.")
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    user = argparse.ArgumentParser(add_help=False)
    user.add_argument("--user", required=True, metavar="USER", help="your TrialDesk user name")
    k = kinds.add_parser("casebook", parents=[common, user], help="one participant's casebook as PDF")
    k.add_argument("--participant", required=True, metavar="STUDY_ID", help="e.g. KTS11-H-001")
    k.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write (not overwritten)")
    k.add_argument("--language", choices=("en", "nb"), default="en", help="language of the labels (default en)")
    k = kinds.add_parser("odm", parents=[common, user], help="all clinical data as CDISC ODM 1.3.2 with audit trail")
    k.add_argument("--out", required=True, metavar="FILE.xml", help="the XML file to write (not overwritten)")
    k = kinds.add_parser("csv", parents=[common, user],
                         help="DM, IE, LB, EC, AE, CM, DS and SV as CSV tables in CDISC terms, with a readme.txt")
    k.add_argument("--out", required=True, metavar="DIR", help="a new or empty folder for dm.csv, ie.csv …")


def _password(prompt: str = "Password: ", confirm: bool = False, env_name: str = PASSWORD_ENV) -> str:
    env = os.environ.get(env_name)
    if env:
        return env
    if not sys.stdin.isatty():
        raise TrialDeskError("No terminal to ask for the password: set {env}.", env=env_name)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the password: ") != first:
        raise TrialDeskError("The two passwords differ; nothing was changed.")
    return first


def _recovery_key_text() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Recovery key (16 groups of four, then the checksum): ")
    return sys.stdin.readline()


def _cmd_init(args, folder: Path) -> int:
    from trialdesk.services.workstation import setup_workstation

    password = _password("Password for the administrator: ", confirm=True)
    result = setup_workstation(
        folder, site_code=args.site_code, site_name=args.site_name, admin_username=args.admin,
        admin_full_name=args.admin_name or args.admin, admin_password=password,
        recovery_sheet=Path(args.recovery_sheet),
    )
    store_id = result.store.info.store_id
    result.store.close()
    print(f"Created store {store_id} for site {args.site_code.upper()} in {folder}")
    print(f"Recovery-key sheet written to {result.recovery_sheet}: print it, lock it away, then delete the file.")
    return EXIT_OK


def _cmd_verify(args, folder: Path) -> int:
    from trialdesk.services.workstation import open_workstation, verify

    store = open_workstation(folder)
    try:
        report = verify(store)
    finally:
        store.close()
    for line in report.lines():
        print(line)
    print("verify: OK" if report.ok else "verify: PROBLEMS FOUND")
    return EXIT_OK if report.ok else EXIT_PROBLEM


def _cmd_backup(args, folder: Path) -> int:
    from trialdesk.services.workstation import make_backup, open_workstation

    store = open_workstation(folder)
    try:
        check = make_backup(store, None, Path(args.to) if args.to else None)
    finally:
        store.close()
    from trialdesk.db.audit import seal

    print(f"Backup written and verified: {check.path} ({check.audit_rows} audit rows, integrity ok)")
    print(f"audit seal (chain head): {seal(check.audit_seq, check.audit_head)} — row {check.audit_seq}, "
          f"hash {check.audit_head or '-'} (also in {check.path.name}.head.json)")
    return EXIT_OK


def _cmd_restore(args, folder: Path) -> int:
    from trialdesk.db.connection import INFO_NAME
    from trialdesk.errors import KeyMissing
    from trialdesk.services.workstation import key_for, restore

    key_text = None
    if not (folder / INFO_NAME).exists():
        key_text = _recovery_key_text()
    else:
        try:
            key_for(folder)
        except KeyMissing:
            key_text = _recovery_key_text()
    check = restore(folder, Path(args.file), recovery_key_text=key_text)
    print(f"Restored {args.file} into {folder} ({check.audit_rows} audit rows). "
          "The previous database is kept in backups/.")
    return EXIT_OK


def _cmd_recover(args, folder: Path) -> int:
    from trialdesk.services.workstation import recover

    info = recover(folder, _recovery_key_text())
    print(f"Recovery key accepted for store {info.store_id}; it is saved in this computer's keychain.")
    return EXIT_OK


def _cmd_demo(args, folder: Path) -> int:
    from trialdesk.services.demo import build_demo

    folder = Path(folder)
    sheet = Path(args.recovery_sheet) if args.recovery_sheet else \
        folder.parent / f"{folder.name or 'trialdesk'}-recovery-key.pdf"
    result = build_demo(folder, recovery_sheet=sheet)
    try:
        counts = result.store.db.execute(
            "SELECT status, count(*) FROM participants GROUP BY status ORDER BY status").fetchall()
    finally:
        result.store.close()
    print(f"Demo store created in {folder} (synthetic participants only):")
    from trialdesk.domain.status import ParticipantStatus

    print("  " + ", ".join(f"{ParticipantStatus(status).words}: {n}" for status, n in counts))
    print("Demo users (DEMO ONLY — never use these passwords on a real store):")
    for username, password, role in result.users:
        print(f"  {username:<8} {role.value:<14} password: {password}")
    print(f"Recovery-key sheet: {result.recovery_sheet}")
    print(f"Start it with: trialdesk --data-dir {folder}")
    return EXIT_OK


def _cmd_vectors(args, folder: Path) -> int:
    from trialdesk import vectors

    return vectors.run(args.paths)


def _cmd_export(args, folder: Path) -> int:
    from trialdesk.services import auth, exports, printing
    from trialdesk.services.workstation import open_workstation

    out = Path(args.out)
    if args.export_kind == "csv":
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise TrialDeskError("{out} exists and is not an empty folder; nothing was written.", out=str(out))
    elif out.exists():
        raise TrialDeskError("{out} already exists; nothing was written (choose a new file name).", out=str(out))
    password = _password(f"Password for {args.user}: ")
    store = open_workstation(folder)
    try:
        user = auth.login(store, args.user, password)
        if args.export_kind == "casebook":
            from trialdesk.db.participants import by_study_id

            participant = by_study_id(store.db, args.participant.strip().upper())
            if participant is None:
                raise TrialDeskError("No participant {study_id} in this store.", study_id=args.participant)
            data = printing.casebook(store, user, participant.id, language=args.language)
            _write_new(out, data)
            print(f"Casebook of {participant.study_id} written to {out} ({len(data)} bytes). "
                  "It holds clinical data: keep it where only authorised people can read it.")
        elif args.export_kind == "odm":
            result = exports.export_odm(store, user, out=out)  # written as it is made (issue 15, point 4)
            print(f"ODM 1.3.2 written to {out}: {result.subjects} participants, {result.transactions} "
                  f"transactions, {result.signatures} signatures (sha256 {result.sha256[:16]}…)")
        else:
            out.mkdir(parents=True, exist_ok=True, mode=0o700)  # a new folder is its owner's only too
            result = exports.export_csv(store, user, out=out)  # written row by row (issue 15, point 4)
            print(f"CSV written to {out}: {', '.join(sorted(result.sha256))}")
    finally:
        store.close()
    return EXIT_OK


def _write_new(path: Path, data: bytes) -> None:
    """Write an export to a new file readable by its owner only (it holds clinical data)."""
    from trialdesk.services import files

    files.save_new(path, data)


def _cmd_user(args, folder: Path) -> int:
    from trialdesk.domain.people import Role
    from trialdesk.services import auth
    from trialdesk.services.workstation import open_workstation

    admin_password = _password(f"Password for {args.by}: ")
    new_password = None
    if args.user_command in ("add", "reset-password"):
        who = args.username.strip().lower()
        new_password = _password(f"Temporary password for {who}: ", confirm=True, env_name=NEW_PASSWORD_ENV)
    store = open_workstation(folder)
    try:
        admin = auth.login(store, args.by, admin_password)
        command = args.user_command
        if command == "add":
            made = auth.create_user(store, admin, username=args.username, full_name=args.full_name,
                                    role=Role(args.role), password=new_password)
            print(f"Added {made.username} ({made.full_name}, {made.role.value}). The password is temporary: "
                  f"{made.username} chooses their own at the first sign-in.")
        elif command == "list":
            print(f"{'user':<16} {'role':<14} {'active':<7} {'locked':<7} {'unblinded':<10} {'temporary':<10} "
                  f"{'password set (UTC)':<19} full name")
            for u in auth.list_users(store, admin):
                flags = ["yes" if f else "no" for f in (u.active, auth.is_locked(u), u.unblinded,
                                                        u.must_change_password)]
                set_at = (u.password_set_at or "")[:16].replace("T", " ")
                print(f"{u.username:<16} {u.role.value:<14} {flags[0]:<7} {flags[1]:<7} {flags[2]:<10} "
                      f"{flags[3]:<10} {set_at:<19} {u.full_name}")
        else:
            target = auth.user_by_username(store, admin, args.username)
            if command == "set-role":
                done = auth.set_role(store, admin, target.id, Role(args.role), args.reason)
                print(f"{done.username} is now {done.role.value}" + (
                    "; no longer the unblinded safety physician." if target.unblinded and not done.unblinded
                    else "."))
            elif command in ("deactivate", "reactivate"):
                done = auth.set_active(store, admin, target.id, command == "reactivate", args.reason)
                print(f"{done.username} is {'active again' if done.active else 'deactivated'}.")
            elif command == "reset-password":
                done = auth.reset_password(store, admin, target.id, new_password, args.reason)
                print(f"{done.username} has a temporary password now; they choose their own at the next sign-in.")
            else:
                done = auth.unlock(store, admin, target.id, args.reason)
                print(f"{done.username} is unlocked.")
    finally:
        store.close()
    return EXIT_OK


def _cmd_exchange(args, folder: Path) -> int:
    from trialdesk.errors import ValidationError
    from trialdesk.services import auth, bundles, merge, pairing, printing
    from trialdesk.services.workstation import open_workstation

    command = args.exchange_command
    outputs = [Path(x) for x in (getattr(args, "out", None), getattr(args, "card", None)) if x]
    for out in outputs:
        if out.exists():
            raise TrialDeskError("{out} already exists; nothing was written (choose a new file name).", out=str(out))
    file_bytes = None
    if command in ("pair", "inspect", "receive"):
        try:
            file_bytes = Path(args.file).read_bytes()
        except OSError as exc:
            raise TrialDeskError("Cannot read {path}: {problem}", path=args.file,
                                 problem=exc.strerror or str(exc)) from None
    password = _password(f"Password for {args.user}: ")
    store = open_workstation(folder)
    try:
        user = auth.login(store, args.user, password)
        try:
            if command == "identity":
                own = pairing.own_identity(store, user)
                _write_new(Path(args.out), own.text.encode("utf-8"))
                print(f"Identity of store {own.identity.store_id} (site {own.identity.site_code}) written to {args.out}.")
                if args.card:
                    _write_new(Path(args.card), printing.pairing_card(store, user))
                    print(f"Pairing card written to {args.card}.")
                print(f"fingerprint: {own.fingerprint}")
            elif command == "pair":
                peer = pairing.pair(store, user, file_bytes, args.fingerprint)
                print(f"Paired with store {peer.store_id}, site {peer.site_code} ({peer.site_name}).")
                if args.card:
                    _write_new(Path(args.card), printing.pairing_card(store, user, peer.store_id))
                    print(f"Pairing card written to {args.card}.")
                print(f"fingerprint: {peer.fingerprint}")
            elif command == "peers":
                found = pairing.peers(store, user)
                print(f"{'site':<5} {'store id':<33} {'state':<8} {'paired (UTC)':<17} {'fingerprint':<40} site name")
                for peer in found:
                    state = "active" if peer.active else "revoked"
                    print(f"{peer.site_code:<5} {peer.store_id:<33} {state:<8} {peer.paired_at[:16].replace('T', ' '):<17} "
                          f"{peer.fingerprint:<40} {peer.site_name}")
                if not found:
                    print("(no paired workstations)")
            elif command == "send":
                sent = bundles.send_bundle(store, user, args.to, Path(args.out))
                print(f"Bundle for store {sent.peer.store_id} (site {sent.peer.site_code}) written to {args.out} "
                      f"({sent.size} bytes).")
                _print_manifest(sent.manifest)
                print(f"sha256: {sent.sha256}")
            elif command == "receive":
                report = merge.receive_bundle(store, user, file_bytes)
                _print_import(report)
            elif command == "sync":
                refused = _sync_folder(store, user, Path(args.folder))
                if refused:
                    return EXIT_PROBLEM
            elif command == "status":
                _print_status(merge.status(store, user), merge.open_conflict_count(store))
            elif command == "conflicts":
                if args.resolve:
                    if not args.reason or args.keep is None:
                        raise ValidationError("Give --keep this|other and --reason.")
                    done = merge.resolve(store, user, args.resolve, args.keep, args.reason)
                    print(f"Conflict {done.id[:8]} resolved; the decision travels with the next bundles.")
                else:
                    _print_conflicts(merge.conflicts(store, user, include_resolved=args.all))
            elif command == "reconcile":
                peer, lines = merge.reconciliation(store, user, args.peer)
                print(f"{'study id':<16} {'here':<16} {'at ' + peer.site_code:<16} equal")
                for line in lines:
                    print(f"{line.study_id:<16} {(line.here or '-')[:12]:<16} {(line.there or '-')[:12]:<16} "
                          f"{'yes' if line.equal else 'NO'}")
                equal = sum(1 for line in lines if line.equal)
                print(f"{equal} of {len(lines)} participants equal here and at site {peer.site_code}.")
                if args.out:
                    _write_new(Path(args.out), printing.reconciliation_report(store, user, args.peer))
                    print(f"Reconciliation report written to {args.out}.")
                if equal != len(lines):
                    return EXIT_PROBLEM
            elif command == "inspect":
                found = bundles.inspect_bundle(store, user, file_bytes)
                print(f"Verified: a bundle from store {found.manifest.origin_store_id} (site "
                      f"{found.manifest.origin_site}) for this workstation, made {found.manifest.created_at}.")
                _print_manifest(found.manifest)
                print(f"sha256: {found.sha256}")
            else:
                peer = pairing.revoke(store, user, args.peer, args.reason)
                print(f"Revoked store {peer.store_id} (site {peer.site_code}): its bundles are refused from now on.")
        except ValidationError as exc:
            print(f"trialdesk: {exc}", file=sys.stderr)
            return EXIT_PROBLEM
    finally:
        store.close()
    return EXIT_OK


def _print_import(report) -> None:
    """What a receive did, for people and for IT's logs (counts only, never a clinical value)."""
    if report.outcome == "held":
        why = {"gap": "it starts after events not yet received; it is applied when they arrive"}.get(
            report.held_reason, report.held_reason)
        print(f"Held the bundle from site {report.origin_site}: {why}.")
        return
    print(f"Received from site {report.origin_site}: {report.applied} changes applied, {report.already} already "
          f"here, {report.conflicts} new conflicts ({report.outcome}).")
    for later in report.released:
        print(f"  then a held bundle: {later.applied} changes applied, {later.conflicts} new conflicts.")
    if report.conflicts:
        print("Conflicts wait for an investigator: trialdesk exchange conflicts")


def _sync_folder(store, user, folder: Path) -> int:
    """Read each peer's bundle for us from ``folder``, then write ours for each; the number refused."""
    from trialdesk.services import bundles

    refused = 0
    for result in bundles.sync_folder(store, user, folder):
        if result.refused:
            refused += 1
            print(f"trialdesk: bundle from site {result.peer.site_code}: {result.refused}", file=sys.stderr)
        elif result.received is not None:
            _print_import(result.received)
        outgoing = result.sent.path.name if result.sent.path else "?"
        print(f"Wrote {outgoing} for site {result.peer.site_code}: {result.sent.manifest.event_count} events.")
    return refused


def _print_status(found, open_conflicts: int) -> None:
    for s in found:
        state = "active" if s.active else "revoked"
        print(f"site {s.site_code} ({s.site_name}), store {s.store_id}, {state}")
        print(f"  sent: up to event {s.sent_seq or 0}; acknowledged: up to {s.acked_seq}; "
              f"waiting to be sent: {s.to_send} events")
        print(f"  received: {s.bundles_received} bundles, {s.events_applied} changes applied, its chain held up to "
              f"row {s.received_seq}" + (f" (last {s.last_received_at[:16].replace('T', ' ')} UTC)"
                                         if s.last_received_at else ""))
        for h in s.held:
            print(f"  held: bundle {h['sha256'][:12]} (rows {h['first_seq']}-{h['last_seq']}, {h['events']} events): "
                  f"{h['reason']}")
        print(f"  open conflicts: {s.open_conflicts}; changes waiting for a record not yet received: {s.waiting}")
    if not found:
        print("(no paired workstations)")
    print(f"open conflicts in all: {open_conflicts}")


def _print_conflicts(found) -> None:
    """Conflicts without their values (never a clinical value on a console): what, who, when, where."""
    for c in found:
        local = c.local or {}
        print(f"{c.id[:8]}  {c.kind:<14} {c.table:<22} record {c.record_id[:8]}  field {c.field or '-'}  ({c.status})")
        print(f"  here:    by {local.get('username', '?')}, {str(local.get('at', '?'))[:16].replace('T', ' ')} UTC, "
              f"site {local.get('site', '?')}")
        print(f"  site {c.origin_site}: by {c.remote.get('username')}, "
              f"{str(c.remote.get('at'))[:16].replace('T', ' ')} UTC, site {c.remote.get('site')}")
    if not found:
        print("(no open conflicts)")


def _print_manifest(manifest) -> None:
    """A bundle's manifest for people: events and range, counts per record type, participants, chain head."""
    ranges = manifest.ranges
    span = ", ".join(f"site {r['site']} seq {r['first_seq']}-{r['last_seq']}" for r in ranges) or "none"
    print(f"events: {manifest.event_count} ({span})")
    counts = ", ".join(f"{table} {n}" for table, n in sorted(manifest.counts.items()))
    print(f"records: {counts or 'none'}")
    print(f"participants: {len(manifest.participants)}")
    print(f"schema {manifest.schema_version}, protocol {manifest.protocol_version}, TrialDesk {manifest.app_version}")
    head = manifest.chain_head
    print(f"chain head: seq {head['seq']}, hash {head['hash']}")


def _cmd_gui(args, folder: Path) -> int:
    from trialdesk.app import run_gui

    return run_gui(folder)


COMMANDS = {
    None: _cmd_gui, "gui": _cmd_gui, "init": _cmd_init, "verify": _cmd_verify, "backup": _cmd_backup,
    "restore": _cmd_restore, "recover": _cmd_recover, "vectors": _cmd_vectors, "demo": _cmd_demo, "export": _cmd_export,
    "user": _cmd_user, "exchange": _cmd_exchange,
}


def main(argv: list[str] | None = None) -> int:
    """Run the command in ``argv`` and return its exit code."""
    args = _parser().parse_args(argv)
    folder = resolve_data_dir(getattr(args, "data_dir", None) or args.top_data_dir)
    try:
        return COMMANDS[args.command](args, folder)
    except TrialDeskError as exc:
        print(f"trialdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("trialdesk: interrupted; nothing half-done was kept.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback, no clinical data
        problem = _os_problem_line(exc)
        if problem is not None:  # what the disk or the OS refused, said as such
            print(f"trialdesk: {problem}. Nothing more was changed.", file=sys.stderr)
            return EXIT_ERROR
        print(f"trialdesk: unexpected error ({type(exc).__name__}). Nothing more was changed; please "
              "report this with the time it happened.", file=sys.stderr)
        if os.environ.get("TRIALDESK_DEBUG"):
            raise
        return EXIT_ERROR


def _os_problem_line(exc: BaseException) -> str | None:
    """One line for a failure the disk or the OS caused (issue 14, point 4), else None."""
    from trialdesk.errors import os_problem

    if not isinstance(exc, OSError) and "disk" not in str(exc).lower():
        return None
    problem = os_problem(exc)
    where = getattr(exc, "filename", None)
    return f"{problem[:1].upper()}{problem[1:]}" + (f" ({where})" if where else "")


if __name__ == "__main__":
    sys.exit(main())
