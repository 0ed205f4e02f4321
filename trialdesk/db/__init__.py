"""The encrypted, audited store (SQLCipher 4 through sqlite-utils)."""
