"""Make sqlite-utils use sqlcipher3's DB-API module and exception classes.

sqlite-utils catches ``sqlite3.OperationalError``/``IntegrityError`` in several places
(``alter=True``, ``drop(ignore=True)``, ``create_index(find_unique_name=True)``, RETURNING,
upserts). With a ``sqlcipher3`` connection those are sqlcipher3's own classes, so the standard
library's classes never match. sqlite-utils prefers a module importable as ``pysqlite3``; we register
sqlcipher3 under that name before sqlite-utils is first imported, so it uses sqlcipher3 throughout.
"""

from __future__ import annotations

import sys

import sqlcipher3
import sqlcipher3.dbapi2

if "sqlite_utils.utils" in sys.modules:
    _loaded = sys.modules["sqlite_utils.utils"]
    if getattr(_loaded, "sqlite3", None) is not sqlcipher3:
        raise ImportError(
            "sqlite_utils was imported before trialdesk.db; import trialdesk.db first so that "
            "sqlite-utils uses sqlcipher3"
        )

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)

# sqlite-utils itself is imported where it is used (trialdesk.db.connection): it costs ~0.2 s, which
# the app spends while the sign-in window is already on screen.
DRIVER = sqlcipher3


def in_force() -> bool:
    """True when sqlite-utils resolved its ``sqlite3`` to sqlcipher3 (the whole point of this module)."""
    import sqlite_utils.utils as su_utils

    return su_utils.sqlite3 is sqlcipher3 and su_utils.OperationalError is sqlcipher3.OperationalError
