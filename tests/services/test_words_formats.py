"""The Qt-free catalogue (the screens' .ts) and locale formatting (Babel) that printouts and readers use."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from trialdesk.services import formats, words

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "trialdesk_nb.ts"


def test_every_translated_message_of_the_ts_is_in_the_catalogue():
    checked = 0
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" or translation.get("type") or not translation.text:
                continue
            assert words.translate(name, message.findtext("source"), "nb") == translation.text
            checked += 1
    assert checked > 500
    assert words.translate("AppController", "Backup on exit", "en") == "Backup on exit"
    assert words.translate("no such context", "Backup on exit", "nb") == "Backup on exit"
    with pytest.raises(ValueError):
        words.translate("AppController", "Backup on exit", "de")


def test_plural_forms():
    assert words.translate_n("x", "%n serious adverse event(s)", 1, "en") == "1 serious adverse event"
    assert words.translate_n("x", "%n serious adverse event(s)", 3, "en") == "3 serious adverse events"


@pytest.mark.parametrize("value, nb, en", [
    (4.9, "4,9", "4.9"), (240.0, "240", "240"), (12345.25, "12345,25", "12345.25"), (0.000123, "0,000123", "0.000123"),
    (13.20, "13,2", "13.2"), (7, "7", "7"), ("36.90", "36,9", "36.9"), (None, "", ""),
])
def test_numbers_keep_their_digits_and_take_the_readers_decimal_sign(value, nb, en):
    assert formats.number(value, "nb") == nb and formats.number(value, "en") == en


def test_dates_and_moments_in_oslo_time_with_the_offset():
    assert formats.day(date(2028, 2, 29)) == "29.02.2028" and formats.day("2026-11-26T10:00:00Z") == "26.11.2026"
    assert formats.moment(datetime(2026, 11, 26, 13, 5, tzinfo=timezone.utc)) == "26.11.2026 14:05 (UTC+01:00)"
    assert formats.moment("2026-07-01T10:00:00.000000Z", "nb") == "01.07.2026 12:00 (UTC+02:00)"
    # The night the clocks go back: 02:30 comes twice, told apart by the offset.
    assert formats.moment(datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)) == "25.10.2026 02:30 (UTC+02:00)"
    assert formats.moment(datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc)) == "25.10.2026 02:30 (UTC+01:00)"
    assert formats.moment(None) == ""


@pytest.mark.parametrize("text, nb, en", [
    ("3.0", "3,0", "3.0"), ("0.049", "0,049", "0.049"), ("125", "125", "125"), ("36.90", "36,90", "36.90"),
    ("-0.5", "-0,5", "-0.5"), ("1240.50", "1240,50", "1240.50"),
])
def test_numbers_as_written_keep_their_trailing_zeros(text, nb, en):
    """A number worded already (a protocol limit "3.0" in a rule's English record) keeps its digits."""
    assert formats.number(text, "nb", as_written=True) == nb and formats.number(text, "en", as_written=True) == en


def test_not_a_number_is_refused():
    with pytest.raises(ValueError):
        formats.number("NaN", "nb")
    with pytest.raises(TypeError):
        formats.number(True, "nb")


def _ts_entries() -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation, read from the .ts here (not through services.words)."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") is None and translation.text:
                out[(context.findtext("name"), message.findtext("source"))] = translation.text
    return out


def _printout_words():
    from trialdesk.services import printout_words as pw

    tables = [pw.LABELS, pw.CAUSALITY, pw.OUTCOMES, pw.ACTIONS_TAKEN, pw.SAE_CRITERIA, pw.STATUSES, pw.SEX, pw.ROLES,
              pw.CODE_WORDS, pw.SCREENING_STATUS, pw.VERDICTS, pw.GO, pw.INJECTION_SITES, pw.VISIT_STATES]
    return [word for table in tables for word in table.values()]


def test_every_printout_word_is_a_translated_catalogue_entry():
    """A Bokmål printout says what the .ts says for each of its words; none falls back to English."""
    from trialdesk.services import printout_words as pw

    ts = _ts_entries()
    found = _printout_words()
    assert len(found) > 120
    missing = sorted({(w.context, w.source) for w in found} - set(ts))
    assert not missing, f"not translated in {TS.name}: {missing}"
    for word in found:
        assert word.in_language("nb") == ts[(word.context, word.source)] and word.in_language("en") == word.source
    assert pw.document_words("nb")["page_of"] == ts[("PrintPreviewDialog", "Page {page} of {count}")]


def test_printout_words_shared_with_a_screen_are_the_screen_s_entry():
    """Where a screen shows the word, the printout uses that very entry (so the two cannot drift apart)."""
    from trialdesk.services import printout_words as pw

    assert pw.LABELS["page_of"].context == "PrintPreviewDialog"
    assert {w.context for w in pw.CAUSALITY.values()} == {"visits"}
    assert {w.context for w in pw.STATUSES.values()} == {"records"}  # the register reads the registry
    shared = [w for w in _printout_words() if w.context != pw.PRINTOUTS]
    assert len(shared) > 50


def test_every_word_printing_asks_for_is_in_the_catalogue():
    """Every literal ``f.tr("...")`` / ``f.tr("...", "Context")`` in services/printing/ (read here with a
    regular expression, apart from tools/i18n.py's collector) has a finished Bokmål translation."""
    import re

    folder = TS.parents[2] / "trialdesk" / "services" / "printing"
    source = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.py")))
    calls = re.findall(r'''\bf\.tr\((["'])((?:(?!\1).)+?)\1(?:,\s*(["'])((?:(?!\3).)+?)\3)?\)''', source)
    assert len(calls) > 100
    ts = _ts_entries()
    missing = sorted({(c[3] or "printouts", c[1]) for c in calls} - set(ts))
    assert not missing, f"run tools/i18n.py update and translate: {missing}"


def test_stored_moments_read_back_exactly_and_odd_text_is_refused_as_before():
    """The fast reading of the shape ``utc_iso`` writes gives what ``strptime`` gave; any other text still goes
    through ``strptime`` (accepted or refused as before)."""
    from datetime import datetime, timezone

    import pytest

    from trialdesk.clock import parse_utc, utc_iso

    def slow(text):
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)

    for moment in (datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=timezone.utc),
                   datetime(2028, 2, 29, 23, 0, 0, 1, tzinfo=timezone.utc),
                   datetime(1900, 1, 1, tzinfo=timezone.utc), datetime(9999, 12, 31, 23, 59, tzinfo=timezone.utc)):
        text = utc_iso(moment)
        assert parse_utc(text) == slow(text) == moment and parse_utc(text).tzinfo is timezone.utc
    assert parse_utc("2026-1-5T01:02:03.5Z") == slow("2026-1-5T01:02:03.5Z")  # strptime's leniency kept
    for bad in ("2026-02-30T10:00:00.000000Z", "2026-11-26T25:00:00.000000Z", "2026-11-26T10:00:00.000000",
                "2026-11-26 10:00:00.000000Z", "2026-11-26T10:00:00.000000+00:00", ""):
        with pytest.raises(ValueError):
            parse_utc(bad)


def test_numbers_worded_from_memory_keep_their_written_form():
    """A remembered wording never hands one value's words to an equal value written otherwise."""
    from decimal import Decimal

    from trialdesk.services.formats import number

    assert number(Decimal("3.00"), "nb", as_written=True) == "3,00"
    assert number(Decimal("3.0"), "nb", as_written=True) == "3,0"
    assert number(3.0, "nb", as_written=True) == "3,0"
    assert number(3, "nb", as_written=True) == "3"
    assert number("3.0", "en") == "3" and number("3.0", "en", as_written=True) == "3.0"
    assert number(4.9, "nb") == "4,9" and number(4.9, "en") == "4.9"
