"""The encrypted, audited store (SQLCipher 4 through sqlite-utils).

Importing this package first puts ``sqlcipher3`` in place of the standard library's ``sqlite3``
inside sqlite-utils (see :mod:`trialdesk.db.driver`), so every module below can use sqlite-utils.
"""

from trialdesk.db import driver as _driver  # noqa: F401  (must run before sqlite_utils is imported)
