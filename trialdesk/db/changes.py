"""What one use case changed, read back from the audit rows its transaction wrote.

Every write goes through ``Store.acting``; when its transaction commits, the store reads the audit rows
of that operation and hands a :class:`ChangeSet` to every subscriber. So what a view hears is what the
database says was written — tables, records, participants — never what a caller thought it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable


@dataclass(frozen=True)
class ChangeSet:
    """The tables, records ((table, id) pairs) and participants one operation wrote."""

    operation_id: str | None = None
    tables: frozenset[str] = field(default_factory=frozenset)
    records: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    subjects: frozenset[str] = field(default_factory=frozenset)
    inserted: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    @classmethod
    def from_rows(cls, operation_id: str | None, rows: Iterable[tuple]) -> "ChangeSet":
        tables, records, subjects, inserted = set(), set(), set(), set()
        for table, record_id, subject_id, action in rows:
            if not table:
                continue
            tables.add(table)
            if record_id:
                records.add((table, record_id))
                if action == "INSERT":
                    inserted.add((table, record_id))
            if subject_id:
                subjects.add(subject_id)
        return cls(operation_id, frozenset(tables), frozenset(records), frozenset(subjects), frozenset(inserted))

    def __bool__(self) -> bool:
        return bool(self.tables)

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` was written."""
        return not self.tables.isdisjoint(tables)

    def touches_subject(self, participant_id: str | None) -> bool:
        """Whether rows of ``participant_id`` were written."""
        return participant_id is not None and participant_id in self.subjects

    def new_ids(self, table: str) -> list[str]:
        """Ids of the rows of ``table`` this operation inserted."""
        return sorted(record for t, record in self.inserted if t == table)
