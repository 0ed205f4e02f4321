"""The Norwegian Bokmål translation: complete, faithful to placeholders and mnemonics, and loadable."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "trialdesk_nb.ts"
QM = TS.with_suffix(".qm")

# {name} fields of str.format, Qt's %1..%99 and %n
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\d{1,2}|%n")


def _mnemonics(text: str) -> int:
    """Single '&' (a mnemonic); '&&' is a literal ampersand and does not count."""
    return text.replace("&&", "").count("&")


def _messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) for every finished translation in the .ts."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            for form in forms:
                out.append((name, msg.findtext("source") or "", form))
    return out


def test_translation_is_in_step_with_the_code():
    """Every UI string and error message has a finished Norwegian translation."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (
        "tools/i18n.py check failed — run 'python tools/i18n.py update', translate, then 'release':\n"
        + result.stdout + result.stderr)


def test_translations_keep_placeholders_and_mnemonics():
    messages = _messages()
    assert messages, f"no finished translations in {TS}"
    problems = []
    for context, source, translation in messages:
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            problems.append(f"{context}: placeholders differ: {source!r} -> {translation!r}")
        if _mnemonics(source) != _mnemonics(translation):
            problems.append(f"{context}: '&' mnemonics differ: {source!r} -> {translation!r}")
        if source.count("&&") != translation.count("&&"):
            problems.append(f"{context}: '&&' differs: {source!r} -> {translation!r}")
    assert not problems, "\n".join(problems)


def test_translations_keep_leading_and_trailing_whitespace():
    problems = [f"{context}: {source!r} -> {translation!r}"
                for context, source, translation in _messages()
                if (source[:1].isspace(), source[-1:].isspace())
                != (translation[:1].isspace(), translation[-1:].isspace())]
    assert not problems, "\n".join(problems)


def test_compiled_translation_is_loaded(qapp):
    from trialdesk.ui import i18n

    assert QM.exists(), "run 'python tools/i18n.py release'"
    try:
        assert i18n.install(qapp, "nb") == "nb"
        assert QCoreApplication.translate("LoginDialog", "Sign in") == "Logg inn"
        assert QCoreApplication.translate("errors", "Wrong password.") == "Feil passord."
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("LoginDialog", "Sign in") == "Sign in"


def test_error_text_is_translated_and_filled_in(qapp):
    from trialdesk.errors import TrialDeskError
    from trialdesk.ui import i18n

    exc = TrialDeskError("Sign with your own user name ({username}).", username="kari")
    try:
        i18n.install(qapp, "nb")
        assert i18n.error_text(exc) == "Signer med ditt eget brukernavn (kari)."
    finally:
        i18n.install(qapp, "en")
