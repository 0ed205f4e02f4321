"""Fixtures for the domain tests: the shipped protocol, and a writer for broken protocol variants."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trialdesk.domain.protocol import DEFAULT_PROTOCOL_PATH, Protocol, load_protocol

PROTOCOL_TEXT = DEFAULT_PROTOCOL_PATH.read_text(encoding="utf-8")
CTCAE_PATH = DEFAULT_PROTOCOL_PATH.parents[1] / "ctcae" / "ctcae_v5.toml"


@pytest.fixture(scope="session")
def protocol() -> Protocol:
    """The shipped KTS-11 protocol."""
    return load_protocol()


@pytest.fixture
def write_protocol(tmp_path):
    """Write protocol text into ``tmp_path/protocols/kts11.toml`` beside a copy of the CTCAE file.

    ``edit(old, new)`` pairs are applied to the shipped text; each must match, so a test cannot
    pass because the text it meant to break has changed.
    """

    def write(text: str | None = None, *edits: tuple[str, str], ctcae: str | None = None) -> Path:
        text = PROTOCOL_TEXT if text is None else text
        for old, new in edits:
            assert old in text, f"test edit does not match the protocol text: {old!r}"
            text = text.replace(old, new, 1)
        (tmp_path / "protocols").mkdir(exist_ok=True)
        (tmp_path / "ctcae").mkdir(exist_ok=True)
        if ctcae is None:
            shutil.copy(CTCAE_PATH, tmp_path / "ctcae" / "ctcae_v5.toml")
        else:
            (tmp_path / "ctcae" / "ctcae_v5.toml").write_text(ctcae, encoding="utf-8")
        path = tmp_path / "protocols" / "kts11.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
