"""ME/CFS severity as an ordinal scale (Bergen group's six levels)."""

from __future__ import annotations

import enum

__all__ = ["Severity"]


class Severity(enum.IntEnum):
    """The six severity levels, ordered mild < … < very severe; ``code`` is the stored spelling.

    Which levels a criterion accepts is protocol data (``kts11.toml``), not code.
    """

    MILD = 1
    MILD_MODERATE = 2
    MODERATE = 3
    MODERATE_SEVERE = 4
    SEVERE = 5
    VERY_SEVERE = 6

    @property
    def code(self) -> str:
        """The stored spelling, e.g. ``"moderate_severe"``."""
        return self.name.lower()

    @property
    def label(self) -> str:
        """English label, e.g. ``"moderate/severe"``, ``"very severe"``."""
        return "very severe" if self is Severity.VERY_SEVERE else self.name.lower().replace("_", "/")

    @classmethod
    def from_code(cls, code: str) -> "Severity":
        """The level for a stored spelling; ``ValueError`` for anything else."""
        if isinstance(code, str):
            try:
                return cls[code.strip().upper()]
            except KeyError:
                pass
        raise ValueError(f"unknown ME/CFS severity {code!r}; expected one of "
                         + ", ".join(level.code for level in cls))
