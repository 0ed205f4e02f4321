"""Where TrialDesk finds its resources and its data folder (platformdirs, no Qt)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "TrialDesk"
APP_AUTHOR = "HelseBergen"
DATA_DIR_ENV = "TRIALDESK_DATA_DIR"


def resource_path(*parts: str) -> Path:
    """Return the path of a file under ``resources/``.

    Looks in a PyInstaller bundle first (``sys._MEIPASS``), then in the source checkout
    (editable installs and development), which is where ``pip install -e .`` leaves it.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    roots = [Path(bundle) / "resources"] if bundle else []
    roots.append(Path(__file__).resolve().parent.parent / "resources")
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return roots[-1].joinpath(*parts)


def default_data_dir() -> Path:
    """The per-user data folder of this OS (e.g. ``~/.local/share/TrialDesk``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The store folder: ``--data-dir`` if given, else ``$TRIALDESK_DATA_DIR``, else the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()
