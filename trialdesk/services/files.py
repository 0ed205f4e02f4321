"""Files TrialDesk writes for people to keep (the recovery sheet, exports, saved printouts): their owner's only.

They hold the store's key or clinical data, so each file is created readable and writable by its owner only
(mode 0600 on POSIX; on Windows a new file takes its folder's permissions) before a byte is written. A chmod
afterwards would not do: in the moment between, another user of the computer could open the file, and a file
once open stays readable whatever its mode becomes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # O_EXCL: never through a symlink


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file at ``path`` (``FileExistsError`` when there is one already; any
    ``OSError`` leaves no part-written file behind)."""
    fd = os.open(path, _NEW, PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        discard(Path(path))
        raise


def save_new(path: Path, data: bytes) -> None:
    """:func:`write_new` for a file a person asked for: one-line TrialDeskError messages (it exists already,
    it cannot be written and why), nothing left behind."""
    from trialdesk.errors import TrialDeskError

    try:
        write_new(path, data)
    except FileExistsError:
        raise TrialDeskError("{path} already exists; nothing was written.", path=str(path)) from None
    except OSError as exc:
        raise TrialDeskError("Cannot write {path}: {problem}", path=str(path),
                             problem=exc.strerror or str(exc)) from None


@contextmanager
def open_new(path: Path) -> Iterator[BinaryIO]:
    """A new private file at ``path`` to write into as data is made (a streamed export), with the one-line
    messages of :func:`save_new`; on any failure inside, the part-written file is removed."""
    from trialdesk.errors import TrialDeskError

    path = Path(path)
    try:
        fd = os.open(path, _NEW, PRIVATE_MODE)
    except FileExistsError:
        raise TrialDeskError("{path} already exists; nothing was written.", path=str(path)) from None
    except OSError as exc:
        raise TrialDeskError("Cannot write {path}: {problem}", path=str(path),
                             problem=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
    except OSError as exc:
        discard(path)
        raise TrialDeskError("Cannot write {path}: {problem}", path=str(path),
                             problem=exc.strerror or str(exc)) from None
    except BaseException:
        discard(path)
        raise


def write_replacing(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, replacing a file there only by a complete copy: written to a new private
    file beside it (``mkstemp`` makes it 0600), flushed to disk, then renamed over it."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        discard(Path(tmp))
        raise


def create_empty(path: Path) -> None:
    """Put a new, empty private file at ``path`` (replacing one there) for another writer that keeps a file's
    mode, e.g. Qt's PDF printer: it then writes into a file only its owner can read. A file already there is
    removed, not truncated: whoever had it open must not read what is written next."""
    path = Path(path)
    if path.is_symlink() or path.is_file():
        path.unlink()
    os.close(os.open(path, _NEW, PRIVATE_MODE))


def discard(path: Path) -> None:
    """Remove ``path`` if it is there (a file this module made for a write that then failed)."""
    try:
        path.unlink()
    except OSError:
        pass
