"""The one path by which views hear that data changed.

The store publishes a :class:`~trialdesk.db.changes.ChangeSet` after every committed use case, read from
the audit rows that use case wrote. :func:`notices_for` turns that into one Qt signal per store; each view
connects to it and reloads only when the change touches what it shows (``changes.touches(...)``,
``changes.touches_subject(...)``). The view that made a change does not reload itself as well: it hears
the same notice as every other view. A notice from a worker thread reaches the views on the UI thread
(the signal is queued there).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QObject, Signal

# What each view shows, by table: it reloads when a change touches one of them.
REGISTER_TABLES = frozenset({"participants", "planned_visits", "dose_visits", "contacts"})
TODAY_TABLES = frozenset({"participants", "planned_visits", "dose_visits", "contacts", "contact_attempts",
                          "dispositions"})
SAE_TABLES = frozenset({"adverse_events"})
OVERVIEW_TABLES = frozenset({"participants", "identities", "consents", "screenings", "screening_judgements",
                             "eligibility_decisions", "signatures", "planned_visits"})
DOSE_VISIT_TABLES = frozenset({"participants", "planned_visits", "dose_visits", "premedications", "lab_samples",
                               "lab_results", "administrations", "adverse_events", "signatures", "dispositions"})
AE_TABLES = frozenset({"adverse_events", "participants"})
CONTACT_TABLES = frozenset({"contacts", "contact_attempts", "planned_visits", "participants", "dispositions",
                            "lab_samples", "lab_results", "adverse_events", "signatures", "administrations"})
TREND_TABLES = frozenset({"lab_samples", "lab_results"})
TIMELINE_TABLES = frozenset({"planned_visits", "dose_visits", "administrations", "participants", "contacts"})
STAFF_TABLES = frozenset({"users", "settings"})
# The participant's course: its events, and what the actions it offers depend on (AEs for a death, contact
# attempts for a loss to follow-up, doses for the dates).
COURSE_TABLES = frozenset({"dispositions", "participants", "adverse_events", "contacts", "contact_attempts",
                           "administrations", "consents"})
MEDICATION_TABLES = frozenset({"concomitant_medications", "participants", "adverse_events", "dispositions"})


class StoreNotices(QObject):
    """Signals:
        changed(object): a :class:`ChangeSet`, once per committed use case.
    """

    changed = Signal(object)

    def __init__(self, store):
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        self._store = weakref.ref(store)  # the store holds this object, not the other way round
        self._listener = self.changed.emit
        store.subscribe(self._listener)

    def close(self) -> None:
        store = self._store()
        if store is not None:
            store.unsubscribe(self._listener)


_NOTICES: "weakref.WeakKeyDictionary[object, StoreNotices]" = weakref.WeakKeyDictionary()


def notices_for(store) -> StoreNotices:
    """The notices of ``store`` (one per open store, shared by every view)."""
    notices = _NOTICES.get(store)
    if notices is None:
        notices = _NOTICES[store] = StoreNotices(store)
    return notices


__all__ = ["AE_TABLES", "CONTACT_TABLES", "COURSE_TABLES", "DOSE_VISIT_TABLES", "MEDICATION_TABLES", "OVERVIEW_TABLES", "REGISTER_TABLES", "SAE_TABLES", "STAFF_TABLES", "StoreNotices",
           "TIMELINE_TABLES", "TODAY_TABLES", "TREND_TABLES", "notices_for"]
