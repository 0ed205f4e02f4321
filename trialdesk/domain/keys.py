"""The recovery-key text: 64 hexadecimal digits in groups of four, with a 4-digit checksum."""

from __future__ import annotations

import hashlib
import re



class RecoveryKeyError(ValueError):
    """A typed recovery key that cannot be right; the message says what to check."""

def key_checksum(key: bytes) -> str:
    """Four hexadecimal digits that catch a mistyped recovery key before it is tried."""
    return hashlib.sha256(b"TrialDesk recovery key" + key).hexdigest()[:4].upper()


def format_recovery_key(key: bytes) -> str:
    """The key as 16 groups of four hexadecimal digits: ``ABCD EF01 …``."""
    text = key.hex().upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Read a recovery key as typed: spaces, dashes and case do not matter.

    Accepts the 64 key digits alone or followed by the four checksum digits from the sheet; with the
    checksum, a typing error is reported as such before the key is tried on the store.
    """
    digits = re.sub(r"[\s\-_:]", "", text or "").upper()
    if digits.startswith("CHECK"):
        digits = digits[5:]
    if not re.fullmatch(r"[0-9A-F]*", digits):
        raise RecoveryKeyError(
            "A recovery key has only the digits 0-9 and letters A-F (groups of four); check what was typed."
        )
    if len(digits) not in (64, 68):
        raise RecoveryKeyError(
            f"A recovery key has 64 digits (16 groups of four), optionally followed by the 4-digit "
            f"checksum; {len(digits)} were typed."
        )
    key = bytes.fromhex(digits[:64])
    if len(digits) == 68 and digits[64:] != key_checksum(key):
        raise RecoveryKeyError(
            "The recovery key does not match its checksum: a group was probably mistyped. "
            "Compare each group with the sheet."
        )
    return key


