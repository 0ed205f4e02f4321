"""The record registry's words on screen: field labels and code words of ``trialdesk.domain.records`` in the
UI language, through Qt's translator (context ``records``, the same entries the History tab, the casebook and
``services.words.translate("records", …)`` read). Column headers, check boxes and choice lists that name a record
field or one of its codes take their words from here, never from a table of their own
(tests/ui/test_record_words.py fails when a screen declares such a word itself)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trialdesk.domain import records


def _tr(text: str) -> str:
    return QCoreApplication.translate(records.CONTEXT, text)


def capital(text: str) -> str:
    """``årsakssammenheng`` -> ``Årsakssammenheng`` (the registry's labels are written as inside a sentence)."""
    return text[:1].upper() + text[1:]


def label(table: str, column: str) -> str:
    """The field's label in the UI language, as inside a sentence (``onset date``)."""
    return _tr(records.field_of(table, column).label)


def heading(table: str, column: str) -> str:
    """The field's label as a column header, check box or accessible name (``Onset date``)."""
    return capital(label(table, column))


def record_label(table: str) -> str:
    """What one record of ``table`` is called (``Adverse event``)."""
    return _tr(records.record(table).label)


def codes(table: str, column: str) -> tuple[str, ...]:
    """The field's codes in the registry's order (the order of a choice list)."""
    return tuple(records.field_of(table, column).codes or ())


def code_word(table: str, column: str, code: str | None) -> str:
    """The word of a stored code in the UI language (``definite`` -> ``definitely related``); an unknown code
    is shown as stored, None as empty."""
    if code is None:
        return ""
    word = (records.field_of(table, column).codes or {}).get(code)
    return _tr(word) if word is not None else code


def with_unit(table: str, column: str, text: str) -> str:
    """A number with the unit the registry gives its field ("36,8" -> "36,8 °C"), unless its label names it."""
    f = records.field_of(table, column)
    if not text or not f.unit or f.unit in f.label:
        return text
    from trialdesk.domain.labs import unit_label

    return f"{text} {unit_label(f.unit)}"


def yes_no(value: object) -> str:
    """A yes/no field's value as a word."""
    return _tr(records.YES_NO["yes" if value else "no"])


__all__ = ["capital", "code_word", "codes", "heading", "label", "record_label", "with_unit", "yes_no"]
