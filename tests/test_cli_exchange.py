"""``trialdesk exchange identity|pair|peers|revoke`` end to end through ``cli.main`` on two real stores (sites H
and R): --help, the last line ``fingerprint: …``, exit 1 on a wrong fingerprint, one-line errors, files 0600."""

from __future__ import annotations

import os
import stat

import pytest
from pypdf import PdfReader

from trialdesk import cli

PASSWORD = "Sterkt-passord-1"


@pytest.mark.parametrize("command", [["exchange"], ["exchange", "identity"], ["exchange", "pair"],
                                     ["exchange", "peers"], ["exchange", "revoke"], ["exchange", "send"],
                                     ["exchange", "inspect"], ["exchange", "receive"], ["exchange", "sync"],
                                     ["exchange", "status"], ["exchange", "conflicts"], ["exchange", "reconcile"]],
                         ids=" ".join)
def test_every_exchange_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: trialdesk exchange" in capsys.readouterr().out


def _init(tmp_path, folder: str, site: str, name: str) -> str:
    data = str(tmp_path / folder)
    assert cli.main(["init", "--data-dir", data, "--site-code", site, "--site-name", name, "--admin", "admin",
                     "--recovery-sheet", str(tmp_path / f"{folder}-recovery.pdf")]) == 0
    return data


def _fingerprint(out: str) -> str:
    last = out.strip().splitlines()[-1]
    assert last.startswith("fingerprint: ")
    return last.removeprefix("fingerprint: ")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_identity_pair_peers_revoke(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
    h = _init(tmp_path, "h", "H", "Haukeland")
    r = _init(tmp_path, "r", "R", "Poliklinikken")
    capsys.readouterr()
    h_id, r_id, card = tmp_path / "h.json", tmp_path / "r.json", tmp_path / "h-card.pdf"
    assert cli.main(["exchange", "identity", "--data-dir", h, "--user", "admin", "--out", str(h_id),
                     "--card", str(card)]) == 0
    h_fp = _fingerprint(capsys.readouterr().out)
    assert cli.main(["exchange", "identity", "--data-dir", r, "--user", "admin", "--out", str(r_id)]) == 0
    r_fp = _fingerprint(capsys.readouterr().out)
    assert h_fp != r_fp and len(h_fp.split()) == 8
    assert h_fp in PdfReader(card).pages[0].extract_text()
    if os.name == "posix":
        assert _mode(h_id) == _mode(card) == 0o600

    # A wrong fingerprint (here: our own) is a refusal: exit 1, one line, nothing paired.
    assert cli.main(["exchange", "pair", str(r_id), "--data-dir", h, "--user", "admin", "--fingerprint", h_fp]) == 1
    err = capsys.readouterr().err
    assert err.startswith("trialdesk: ") and err.count("\n") == 1 and "does not match" in err
    assert cli.main(["exchange", "peers", "--data-dir", h, "--user", "admin"]) == 0
    assert "(no paired workstations)" in capsys.readouterr().out

    both = tmp_path / "both.pdf"
    assert cli.main(["exchange", "pair", str(r_id), "--data-dir", h, "--user", "admin", "--fingerprint",
                     r_fp.lower(), "--card", str(both)]) == 0
    out = capsys.readouterr().out
    assert "Paired with store" in out and "site R (Poliklinikken)" in out and _fingerprint(out) == r_fp
    text = PdfReader(both).pages[0].extract_text()
    assert h_fp in text and r_fp in text
    if os.name == "posix":
        assert _mode(both) == 0o600
    assert cli.main(["exchange", "pair", str(h_id), "--data-dir", r, "--user", "admin", "--fingerprint", h_fp]) == 0
    capsys.readouterr()

    assert cli.main(["exchange", "peers", "--data-dir", h, "--user", "admin"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("R ") and "active" in lines[1] and r_fp in lines[1]

    assert cli.main(["exchange", "revoke", "R", "--data-dir", h, "--user", "admin", "--reason", "lost"]) == 0
    assert "Revoked store" in capsys.readouterr().out
    assert cli.main(["exchange", "revoke", "R", "--data-dir", h, "--user", "admin", "--reason", "lost"]) == 1
    assert "already revoked" in capsys.readouterr().err
    assert cli.main(["exchange", "peers", "--data-dir", h, "--user", "admin"]) == 0
    assert "revoked" in capsys.readouterr().out.splitlines()[1]
    assert cli.main(["verify", "--data-dir", h]) == 0


@pytest.mark.parametrize("args, code, message", [
    (["exchange", "pair", "{missing}", "--fingerprint", "0" * 32], 2, "Cannot read"),
    (["exchange", "pair", "{bad}", "--fingerprint", "0" * 32], 1, "not JSON"),
    (["exchange", "identity", "--out", "{exists}"], 2, "already exists"),
    (["exchange", "revoke", "Q", "--reason", "x"], 1, "No paired workstation Q"),
])
def test_exchange_errors_are_one_line(tmp_path, monkeypatch, capsys, args, code, message):
    monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
    h = _init(tmp_path, "h", "H", "Haukeland")
    (tmp_path / "bad.json").write_text("{ not json")
    (tmp_path / "exists.json").write_text("keep me")
    capsys.readouterr()
    args = [a.format(missing=tmp_path / "missing.json", bad=tmp_path / "bad.json", exists=tmp_path / "exists.json")
            for a in args]
    assert cli.main([*args, "--data-dir", h, "--user", "admin"]) == code
    err = capsys.readouterr().err
    assert err.startswith("trialdesk: ") and err.count("\n") == 1 and message in err and "Traceback" not in err
    assert (tmp_path / "exists.json").read_text() == "keep me"


def test_a_nurse_may_not_use_the_exchange_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
    h = _init(tmp_path, "h", "H", "Haukeland")
    monkeypatch.setenv("TRIALDESK_NEW_PASSWORD", "Midlertidig-passord-1")
    assert cli.main(["user", "add", "--data-dir", h, "--by", "admin", "--username", "nina", "--full-name",
                     "Nina Nurse", "--role", "nurse"]) == 0
    from trialdesk.services import auth
    from trialdesk.services.workstation import open_workstation

    store = open_workstation(tmp_path / "h")
    try:
        nina = auth.login(store, "nina", "Midlertidig-passord-1")
        auth.change_password(store, nina, "Midlertidig-passord-1", "Eget-sterkt-passord-9")
    finally:
        store.close()
    monkeypatch.setenv("TRIALDESK_PASSWORD", "Eget-sterkt-passord-9")
    capsys.readouterr()
    out = tmp_path / "nina.json"
    assert cli.main(["exchange", "identity", "--data-dir", h, "--user", "nina", "--out", str(out)]) == 2
    assert "may not pair or revoke workstations" in capsys.readouterr().err
    assert not out.exists()


def test_send_and_inspect_a_bundle(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
    h = _init(tmp_path, "h", "H", "Haukeland")
    r = _init(tmp_path, "r", "R", "Poliklinikken")
    h_id, r_id = tmp_path / "h.json", tmp_path / "r.json"
    assert cli.main(["exchange", "identity", "--data-dir", h, "--user", "admin", "--out", str(h_id)]) == 0
    h_fp = _fingerprint(capsys.readouterr().out)
    assert cli.main(["exchange", "identity", "--data-dir", r, "--user", "admin", "--out", str(r_id)]) == 0
    r_fp = _fingerprint(capsys.readouterr().out)
    # Nothing is sent to a workstation that is not paired.
    out = tmp_path / "h-to-r.tdbundle"
    assert cli.main(["exchange", "send", "--data-dir", h, "--user", "admin", "--to", "R", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("trialdesk: ") and err.count("\n") == 1 and "No paired workstation R" in err
    assert not out.exists()
    assert cli.main(["exchange", "pair", str(r_id), "--data-dir", h, "--user", "admin", "--fingerprint", r_fp]) == 0
    assert cli.main(["exchange", "pair", str(h_id), "--data-dir", r, "--user", "admin", "--fingerprint", h_fp]) == 0
    capsys.readouterr()

    assert cli.main(["exchange", "send", "--data-dir", h, "--user", "admin", "--to", "R", "--out", str(out)]) == 0
    sent = capsys.readouterr().out
    # Only the administrator exists: staff accounts and settings stay on their workstation, so nothing travels yet.
    assert "written to" in sent and "events: 0 " in sent and "records: none" in sent and "chain head: seq " in sent
    if os.name == "posix":
        assert _mode(out) == 0o600
    sha = sent.strip().splitlines()[-1]
    assert sha.startswith("sha256: ")
    # Not over an existing file.
    assert cli.main(["exchange", "send", "--data-dir", h, "--user", "admin", "--to", "R", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err

    assert cli.main(["exchange", "inspect", str(out), "--data-dir", r, "--user", "admin"]) == 0
    seen = capsys.readouterr().out
    assert seen.startswith("Verified: a bundle from store ") and "(site H)" in seen
    assert seen.strip().splitlines()[-1] == sha
    assert [l for l in seen.splitlines() if l.startswith("chain head")] == \
        [l for l in sent.splitlines() if l.startswith("chain head")]

    # The sender cannot read its own bundle (it is for R only); a damaged copy is refused: exit 1, one line.
    assert cli.main(["exchange", "inspect", str(out), "--data-dir", h, "--user", "admin"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be decrypted" in err
    damaged = tmp_path / "damaged.tdbundle"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    assert cli.main(["exchange", "inspect", str(damaged), "--data-dir", r, "--user", "admin"]) == 1
    assert "cannot be decrypted" in capsys.readouterr().err


def test_sync_folder_status_and_reconciliation(tmp_path, monkeypatch, capsys):
    """The demo trial (site H) and a new workstation R exchange through a folder: after one sync each way R holds
    every participant, the reconciliation says equal for all, the status says what was sent and received, and a
    second sync changes nothing. No clinical value is printed."""
    from trialdesk.services.demo import DEMO_PASSWORD

    h = str(tmp_path / "h")
    assert cli.main(["demo", "--data-dir", h]) == 0
    monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
    r = _init(tmp_path, "r", "R", "Poliklinikken")
    h_id, r_id, folder = tmp_path / "h.json", tmp_path / "r.json", tmp_path / "usb"
    folder.mkdir()

    def as_h(*args):
        monkeypatch.setenv("TRIALDESK_PASSWORD", DEMO_PASSWORD)
        return cli.main([*args, "--data-dir", h, "--user", "doctor"])

    def as_r(*args):
        monkeypatch.setenv("TRIALDESK_PASSWORD", PASSWORD)
        return cli.main([*args, "--data-dir", r, "--user", "admin"])

    assert as_h("exchange", "identity", "--out", str(h_id)) == 0
    h_fp = _fingerprint(capsys.readouterr().out)
    assert as_r("exchange", "identity", "--out", str(r_id)) == 0
    r_fp = _fingerprint(capsys.readouterr().out)
    assert as_h("exchange", "pair", str(r_id), "--fingerprint", r_fp) == 0
    assert as_r("exchange", "pair", str(h_id), "--fingerprint", h_fp) == 0
    capsys.readouterr()
    assert as_h("exchange", "sync", "--folder", str(folder)) == 0
    assert "Wrote trialdesk-H-to-R.tdbundle" in capsys.readouterr().out
    assert as_r("exchange", "sync", "--folder", str(folder)) == 0
    out = capsys.readouterr().out
    assert "Received from site H:" in out and " 0 new conflicts" in out
    assert as_h("exchange", "sync", "--folder", str(folder)) == 0  # reads R's acknowledgement and digests
    capsys.readouterr()
    assert as_h("exchange", "reconcile", "R", "--out", str(tmp_path / "rec.pdf")) == 0
    out = capsys.readouterr().out
    assert "15 of 15 participants equal here and at site R." in out
    assert "Digest here" in PdfReader(tmp_path / "rec.pdf").pages[0].extract_text()
    assert as_h("exchange", "status") == 0
    out = capsys.readouterr().out
    assert "site R (Poliklinikken)" in out and "waiting to be sent: 0 events" in out and "open conflicts in all: 0" in out
    assert "Testperson" not in out and "KTS11-H-001" not in out
    assert as_r("exchange", "sync", "--folder", str(folder)) == 0
    assert "0 changes applied" in capsys.readouterr().out
    assert as_r("exchange", "conflicts") == 0
    assert "(no open conflicts)" in capsys.readouterr().out
