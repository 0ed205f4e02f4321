"""Shared bits of the visit screens: state colours (always with text), times as Norwegians type them,
numbers with a decimal comma, and a time field that understands "n" for now."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from trialdesk.clock import local_now
from trialdesk.domain.labs import format_decimal, to_display, unit_label
from trialdesk.errors import ValidationError
from trialdesk.services import visits as vs
from trialdesk.services.screening import protocol

LOCAL_TZ = vs.LOCAL_TZ
GREEN = ("#1b5e20", "#e8f5e9")
RED = ("#b71c1c", "#ffebee")
AMBER = ("#6d4c00", "#fff4d6")
GREY = ("#424242", "#eeeeee")
BLUE = ("#0d47a1", "#e3f2fd")

_tr = lambda text: QCoreApplication.translate("visits", text)  # noqa: E731

STATE_COLOURS = {"upcoming": BLUE, "due": AMBER, "overdue": RED, "done": GREEN, "missed": GREY, "cancelled": GREY}


def state_text(state: str) -> str:
    """A visit state as text with a symbol (never colour alone)."""
    return {"upcoming": _tr("○ Upcoming"), "due": _tr("● Due today"), "overdue": _tr("! Overdue"),
            "done": _tr("✓ Done"), "missed": _tr("✗ Missed"),
            "cancelled": _tr("⊘ Cancelled (course)")}.get(state, state)


def lab_symbol(analyte: str) -> str:
    """The analyte's short name in the UI language (``Platelets`` is ``Trombocytter`` in Norwegian; IgG stays)."""
    from trialdesk.ui.widgets import ui_language

    lab = protocol().lab(analyte)
    return lab.symbol_nb if ui_language() == "nb" else lab.symbol


def chip_style(colours: tuple[str, str], padding: str = "1px 6px") -> str:
    fg, bg = colours
    return (f"color: {fg}; background: {bg}; border: 1px solid {fg}; border-radius: 3px; "
            f"padding: {padding}; font-weight: 600;")


def decimal_text(value: Decimal | float | int) -> str:
    """``4.9`` -> ``4,9`` (Norwegian decimal comma)."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    return format_decimal(value).replace(".", ",")


def display_value(analyte: str, canonical: float) -> str:
    """A canonical value in the analyte's display unit, e.g. Hb 132 g/L -> ``13,2 g/dL``."""
    value, unit = to_display(protocol(), analyte, canonical)
    return f"{decimal_text(value.normalize() if value == value.to_integral() else value)} {unit_label(unit)}"


def show_time(moment: datetime | None, with_date: bool = True) -> str:
    if moment is None:
        return ""
    try:
        local = moment.astimezone(LOCAL_TZ)
    except OverflowError:  # a moment at the very end of year 9999 (a bad value in a store): shown in UTC
        return f"{moment.strftime('%d.%m.%Y %H:%M' if with_date else '%H:%M')} UTC"
    return f"{local.day:02d}.{local.month:02d}.{local.year:04d} {local.hour:02d}:{local.minute:02d}" if with_date \
        else local.strftime("%H:%M")


def show_utc_iso(text: str | None) -> str:
    if not text:
        return ""
    from trialdesk.clock import parse_utc

    return show_time(parse_utc(text))


_NOW = {"n", "nå", "na", "now"}
EARLIEST_YEAR = 1900  # as services.bounds.EARLIEST_DAY
_TIME = re.compile(r"(\d{1,2})[:.]?(\d{2})")
_DATE_TIME = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2})[:.](\d{2})")
_ISO_TIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})")


def now_local() -> datetime:
    return local_now().replace(second=0, microsecond=0)


def parse_time(text: str | None, *, field: str, day: date | None = None) -> datetime | None:
    """``14:05`` (today, or ``day``), ``1405``, ``14.05``, ``26.11.2026 14:05`` or ISO -> Oslo time.

    Empty -> None. ``n``/``nå``/``now`` -> the current minute.
    """
    text = (text or "").strip()
    if not text:
        return None
    if text.lower() in _NOW:
        return now_local()
    moment = None
    try:
        match = _DATE_TIME.fullmatch(text)
        if match:
            d, m, y, hh, mm = (int(g) for g in match.groups())
            moment = datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)
        match = None if moment else _ISO_TIME.fullmatch(text)
        if match:
            y, m, d, hh, mm = (int(g) for g in match.groups())
            moment = datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)
        match = None if moment else _TIME.fullmatch(text)
        if match:
            hh, mm = int(match.group(1)), int(match.group(2))
            base = day or now_local().date()
            moment = datetime(base.year, base.month, base.day, hh, mm, tzinfo=LOCAL_TZ)
    except ValueError:
        moment = None
    if moment is not None:
        # The services bound every time by the participant and the clock; this only keeps out the years no
        # time zone arithmetic survives (year 1 in Oslo time is before year 1 in UTC).
        if moment.year < EARLIEST_YEAR:
            raise ValidationError("{text}: a time before {year} cannot be entered; check the year.",
                                  field=field, text=text, year=EARLIEST_YEAR)
        return moment
    raise ValidationError("\"{text}\" is not a time: write 14:05, or 26.11.2026 14:05 (n = now).",
                          field=field, text=text)


def parse_int(text: str, *, field: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationError("\"{text}\" is not a whole number.", field=field, text=text)
    return int(text)


def parse_float(text: str, *, field: str) -> float | None:
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError("\"{text}\" is not a number.", field=field, text=text.replace(".", ",")) from None


class TimeField(QLineEdit):
    """A time input: ``14:05`` or ``26.11.2026 14:05``; typing ``n`` then leaving writes the current time.

    Nothing is filled in by itself: the field stays empty until the nurse types.
    """

    def __init__(self, parent: QWidget | None = None, placeholder: str | None = None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder or _tr("hh:mm (n = now)"))
        self.setMaximumWidth(150)
        self.editingFinished.connect(self._on_editingFinished)

    def _on_editingFinished(self) -> None:
        if self.text().strip().lower() in _NOW:
            self.setText(now_local().strftime("%H:%M"))

    def set_moment(self, moment: datetime | None) -> None:
        if moment is None:
            self.clear()
            return
        local = moment.astimezone(LOCAL_TZ)
        self.setText(local.strftime("%H:%M") if local.date() == now_local().date()
                     else local.strftime("%d.%m.%Y %H:%M"))


class EnterMovesOnLineEdit(QLineEdit):
    """A line edit where Enter (a barcode scanner's suffix) moves to the next field and is swallowed:
    it never reaches a default button, never submits and never closes anything."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.focusNextChild()
            return
        super().keyPressEvent(event)


__all__ = ["AMBER", "BLUE", "EnterMovesOnLineEdit", "GREEN", "GREY", "LOCAL_TZ", "RED", "STATE_COLOURS",
           "TimeField", "chip_style", "lab_symbol", "decimal_text", "display_value", "now_local", "parse_float", "parse_int",
           "parse_time", "show_time", "show_utc_iso", "state_text"]
