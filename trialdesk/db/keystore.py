"""The store key in the OS keychain (keyring), and the recovery-key text format.

keyring is imported lazily: it costs ~55 ms of start-up and is only needed to open a store.
The backend is keyring's own choice, so ``PYTHON_KEYRING_BACKEND`` works; tests install an
in-memory backend with ``keyring.set_keyring()``.
"""

from __future__ import annotations

import hashlib
import secrets

from trialdesk.domain import keys as _keys
from trialdesk.domain.keys import format_recovery_key, key_checksum  # noqa: F401
from trialdesk.errors import KeychainUnavailable, StoreError

SERVICE = "TrialDesk"
KEY_BYTES = 32


def new_key() -> bytes:
    """32 random bytes: a raw 256-bit SQLCipher key."""
    return secrets.token_bytes(KEY_BYTES)


def _keyring():
    import keyring  # lazy: see module docstring
    import keyring.errors

    return keyring, keyring.errors


def keychain_usable() -> tuple[bool, str]:
    """Whether the OS keychain can hold secrets, and the backend's name (for messages)."""
    keyring, _ = _keyring()
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        priority = backend.priority
    except Exception:  # keyring's fail backend raises on .priority in some versions
        priority = 0
    return (priority > 0 and "fail" not in name.lower()), name


def _unavailable(detail: str) -> KeychainUnavailable:
    return KeychainUnavailable(
        "No usable keychain on this computer ({detail}). TrialDesk keeps the store key in the "
        "operating system's keychain; enter the recovery key to open the store, or ask IT to enable "
        "a keychain (or set PYTHON_KEYRING_BACKEND).",
        detail=detail,
    )


def load_key(store_id: str) -> bytes | None:
    """The key of ``store_id`` from the keychain, or None when there is no entry."""
    keyring, errors = _keyring()
    try:
        text = keyring.get_password(SERVICE, store_id)
    except errors.KeyringError as exc:
        raise _unavailable(type(exc).__name__) from None
    if text is None:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise StoreError("The keychain entry for this store is damaged; use the recovery key.") from None
    if len(key) != KEY_BYTES:
        raise StoreError("The keychain entry for this store is damaged; use the recovery key.")
    return key


def save_key(store_id: str, key: bytes) -> None:
    """Put the key of ``store_id`` in the keychain (replacing any entry)."""
    usable, name = keychain_usable()
    if not usable:
        raise _unavailable(name)
    keyring, errors = _keyring()
    try:
        keyring.set_password(SERVICE, store_id, key.hex())
    except errors.KeyringError as exc:
        raise _unavailable(type(exc).__name__) from None


def delete_key(store_id: str) -> None:
    """Remove the keychain entry of ``store_id`` if there is one."""
    keyring, errors = _keyring()
    try:
        keyring.delete_password(SERVICE, store_id)
    except errors.PasswordDeleteError:
        pass
    except errors.KeyringError as exc:
        raise _unavailable(type(exc).__name__) from None


def parse_recovery_key(text: str) -> bytes:
    """The key typed from the recovery sheet (see :func:`trialdesk.domain.keys.parse_recovery_key`)."""
    try:
        return _keys.parse_recovery_key(text)
    except _keys.RecoveryKeyError as exc:
        raise StoreError(str(exc)) from None


def key_check_value(key: bytes) -> str:
    """A public fingerprint of the key (kept beside the store) to tell a wrong key from a damaged file."""
    return hashlib.sha256(b"TrialDesk key check v1" + key).hexdigest()[:16]
