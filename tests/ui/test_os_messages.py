"""What the disk and the OS refuse reaches the screen as one clear line in the UI language, never "unexpected error
(…Error)" (issue 14, point 4)."""

from __future__ import annotations

import errno

import pytest
import sqlcipher3
from PySide6.QtCore import QCoreApplication

from trialdesk.errors import StoreError
from trialdesk.ui import i18n


@pytest.fixture
def bokmal(qapp):
    i18n.install(qapp, "nb")
    yield
    i18n.install(qapp, "en")


@pytest.mark.parametrize("exc, english, norwegian", [
    (OSError(errno.ENOSPC, "No space left on device"), "the disk is full", "disken er full"),
    (sqlcipher3.OperationalError("database or disk is full"), "the disk is full", "disken er full"),
    (PermissionError(errno.EACCES, "Permission denied"), "permission denied", "ingen tilgang"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "a part of the path is too long", "en del av stien er for lang"),
])
def test_a_refusal_of_the_os_is_one_translated_line(qapp, exc, english, norwegian, bokmal):
    text = i18n.error_text(exc)
    assert text == f"Ikke utført: {norwegian}. Ingenting mer ble endret; det du skrev, står fortsatt på skjermen."
    i18n.install(qapp, "en")
    assert i18n.error_text(exc).startswith(f"Not done: {english}.")
    assert "nexpected" not in i18n.error_text(exc)


def test_the_problem_in_a_message_is_translated_too(qapp, bokmal):
    exc = StoreError("Cannot restore {path}: {problem}. The store was left as it was.", path="/x.db",
                     problem="the disk is full")
    assert i18n.error_text(exc) == "Kan ikke gjenopprette /x.db: disken er full. Lageret ble latt være som det var."
    assert QCoreApplication.translate("errors", "the disk is full") == "disken er full"
