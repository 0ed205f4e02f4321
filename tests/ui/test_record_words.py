"""One record registry: the screens that show record rows word a field and a code as the registry does
(``ui/record_words.py`` reads it), never from a table of their own; and the headers read from it are the
registry's words in both languages."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from trialdesk.domain import records

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "trialdesk" / "ui"
TRANSLATORS = {"tr", "_tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# Words a record screen says that equal a registry word but mean something else (file, source: why).
NOT_THE_REGISTRYS = {
    ("visits/lab_entry.py", "value"): "the placeholder of a typed number, not the settings record's value",
    ("visits/models.py", "State"): "the calendar's visit state (upcoming, due, overdue, done, missed), computed, "
                                   "not a dose visit's stored state",
    ("visits/administration.py", "Pulse"): "the row heading of the injection form's vital signs (the administration's "
                                           "fields are pulse before / after), not a contact's pulse",
}
CODE_TABLES = {
    ("visits/go_panel.py", "dose_visits.verdict"): "the live verdict before a dose, with its symbol (a stored "
                                                   "verdict is worded by the registry: NO-GO only as overridden)",
}


def _registry_words() -> dict[str, str]:
    """Every field label, record label and code word of the registry (lower case) -> where it is declared."""
    out: dict[str, str] = {}
    for rec in records.RECORDS.values():
        out.setdefault(rec.label.lower(), f"the record {rec.table}")
        for f in rec.fields:
            if f.label:
                out.setdefault(f.label.lower(), f"{rec.table}.{f.column}")
            for code, word in (f.codes or {}).items():
                out.setdefault(word.lower(), f"{rec.table}.{f.column} = {code}")
    return out


def _defines_table_model(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.ClassDef) and any(
        (b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else "").endswith(
            ("TableModel", "RowModel")) for b in node.bases) for node in ast.walk(tree))


def record_screens() -> list[Path]:
    """The UI modules that show or enter record rows: every module defining a table model, and the visit
    screens (dose visit, injection, AEs, labs, timeline, today)."""
    out = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.is_relative_to(UI / "visits") or _defines_table_model(tree):
            out.append(path)
    return out


def _translated_strings(tree: ast.Module) -> list[tuple[int, str, str]]:
    """(line, context or "", source) of every literal handed to a translation call."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in TRANSLATORS:
            continue
        args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            if args[1] is not None:
                found.append((node.lineno, args[0] or "", args[1]))
        elif args[0] is not None:
            found.append((node.lineno, "", args[0]))
    return found


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _ui(path: Path) -> str:
    return path.relative_to(UI).as_posix() if path.is_relative_to(UI) else path.name


def _has_mnemonic(text: str) -> bool:
    return "&" in text.replace("&&", "")


def _norm(text: str) -> str:
    return text.replace("&&", "&").strip().rstrip(":").strip().lower()


def words_declared_by_screens(paths: list[Path]) -> list[str]:
    """Strings a record screen translates itself although the registry declares them: a field's label, a record's
    name or a code's word. A form label with a keyboard mnemonic ("&Onset date:") is the screen's own: each
    language places its letter."""
    registry = _registry_words()
    problems = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, context, source in _translated_strings(tree):
            if context == records.CONTEXT or _has_mnemonic(source) or (_ui(path), source) in NOT_THE_REGISTRYS:
                continue
            if _norm(source) in registry:
                problems.append(f"{_where(path)}:{line}: {source!r} is {registry[_norm(source)]}")
    return problems


def code_tables_of_screens(paths: list[Path]) -> list[str]:
    """Dict literals keyed by two or more codes of one registry code list: a local table of code words."""
    lists = {(rec.table, f.column): set(f.codes) for rec in records.RECORDS.values() for f in rec.fields
             if f.codes and len(f.codes) > 1}
    problems = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            for (table, column), codes in lists.items():
                if (_ui(path), f"{table}.{column}") in CODE_TABLES:
                    continue
                if len(keys & codes) >= 2 and keys <= codes | {""}:
                    problems.append(f"{_where(path)}:{node.lineno}: a table of the codes of "
                                    f"{table}.{column}")
    return problems


def test_the_scan_covers_the_record_screens():
    names = {p.relative_to(UI).as_posix() for p in record_screens()}
    assert {"visits/models.py", "visits/adverse_events.py", "visits/administration.py", "participants/model.py",
            "participants/visits_model.py", "history/model.py", "visits/dose_visit/pre_dose.py",
            "visits/dose_visit/blood_results.py"} <= names, sorted(names)


def test_record_screens_take_field_labels_and_code_words_from_the_registry():
    problems = words_declared_by_screens(record_screens()) + code_tables_of_screens(record_screens())
    assert not problems, "read these from the registry (trialdesk.ui.record_words):\n" + "\n".join(problems)


def test_the_scan_finds_a_header_and_a_code_table_of_a_screens_own(tmp_path):
    """What the screens had before the registry: a header "Causality" and the causality words of their own."""
    module = tmp_path / "model.py"
    module.write_text(
        'from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication\n'
        '_tr = lambda text: QCoreApplication.translate("visits", text)\n'
        '_CAUSALITY = {"not_related": QT_TRANSLATE_NOOP("visits", "not related"),\n'
        '              "definite": QT_TRANSLATE_NOOP("visits", "definitely related")}\n'
        'HEADERS = (_tr("Causality"), _tr("Remaining"), _tr("&Onset date:"))\n', encoding="utf-8")
    words = words_declared_by_screens([module])
    tables = code_tables_of_screens([module])
    assert [w.split(": ", 1)[1] for w in words] == [
        "'not related' is adverse_events.causality = not_related",
        "'definitely related' is adverse_events.causality = definite",
        "'Causality' is adverse_events.causality"]  # "Remaining" and the mnemonic form label are the screen's
    assert len(tables) == 1 and "adverse_events.causality" in tables[0]


@pytest.mark.parametrize("language", ["en", "nb"])
def test_headers_and_code_words_on_screen_are_the_registrys(qapp, language):
    from trialdesk.services import words
    from trialdesk.services.participants import ParticipantRow
    from trialdesk.ui import i18n
    from trialdesk.ui.participants.model import ParticipantTableModel
    from trialdesk.ui.visits.administration import AdministrationForm
    from trialdesk.ui.visits.models import AdverseEventTableModel, LabResultTableModel, action_text

    def registry(text: str) -> str:
        word = words.translate(records.CONTEXT, text, language)
        return word[:1].upper() + word[1:]

    try:
        i18n.install(qapp, language)
        model = AdverseEventTableModel()
        ae = [model.headerData(c, _horizontal()) for c in range(model.columnCount())]
        assert ae[0] == registry("onset date") and ae[5] == registry("causality") and ae[7] == registry("end date")
        lab = LabResultTableModel()
        assert lab.headerData(5, _horizontal()) == registry("flag")
        assert action_text("withdrawn") == words.translate(records.CONTEXT, "study drug withdrawn", language)
        register = ParticipantTableModel(today=lambda: date(2026, 6, 1))
        register.set_rows([ParticipantRow("a", "KTS11-H-001", "on_treatment", "F", "1990-05-01", "H")])
        assert register.data(register.index(0, 1)) == words.translate(records.CONTEXT, "On treatment", language)
        female = words.translate(records.CONTEXT, "female", language)
        age = register.data(register.index(0, 2)).split()[-1]  # "F 36": the initial and the age
        assert register.data(register.index(0, 2)) == f"{female[:1].upper()} {age}" and age == "36"
        assert register.data(register.index(0, 2), _tooltip()).startswith(female)
        form = AdministrationForm()
        assert form.site_left.text() == registry("abdomen left")
        assert form.vitals[("pulse", "after")].accessibleName() == registry("pulse after") + " (/min)"
        if language == "nb":
            assert form.site_left.text() == "Abdomen venstre" and ae[0] == "Startdato"
            assert register.data(register.index(0, 2)) == "K 36"  # kvinne, as the register showed it before
            assert register.data(register.index(0, 2), _tooltip()) == "kvinne, 36 år"
    finally:
        i18n.install(qapp, "en")


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _tooltip():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.ToolTipRole
