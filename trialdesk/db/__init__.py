"""The encrypted, audited store (SQLCipher 4 through sqlite-utils).

:mod:`trialdesk.db.driver` puts ``sqlcipher3`` in place of the standard library's ``sqlite3`` inside
sqlite-utils; :mod:`trialdesk.db.connection` (the only module that imports sqlite-utils) imports it
first. The package itself imports nothing, so :mod:`trialdesk.db.folder` stays light for start-up.
"""
