"""Keep the Norwegian Bokmål translation in step with the code.

    python tools/i18n.py update     # merge new UI strings and error messages into resources/i18n/trialdesk_nb.ts
    python tools/i18n.py release    # compile the .ts into trialdesk_nb.qm (what the app loads)
    python tools/i18n.py check      # exit 1 listing every string without a finished translation

UI strings come from ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` calls (pyside6-lupdate) and from calls
through a module's ``_tr = lambda text: QCoreApplication.translate("Ctx", text)`` alias; the words of
code without Qt (printouts, explanations) from its ``QT_TRANSLATE_NOOP(context, text)`` markers,
``words.translate(context, text, language)`` calls and translate aliases (see ``alias_messages``); the
messages of TrialDesk's own errors (raised in services, db, domain) are collected from the source
under the context ``errors`` — the UI translates them in ``trialdesk.ui.i18n.error_text``.
Translators edit the .ts with Qt Linguist (``pyside6-linguist``) or by hand.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "trialdesk_nb.ts"
QM = TS.with_suffix(".qm")
ERROR_CLASSES = {
    "TrialDeskError", "StoreError", "StoreNotFound", "StoreExists", "KeyMissing", "KeychainUnavailable",
    "WrongKey", "StoreDamaged", "StoreTooNew", "StoreInUse", "NoActingUser", "ReasonRequired", "AuthError",
    "AccountLocked", "PermissionDenied", "SessionEnded", "ValidationError", "ConfirmationNeeded",
    "RuleViolation",  # a clinical rule's message: services raise it again as a ValidationError with the same template
}
UI_SOURCES = ["trialdesk/ui", "trialdesk/app.py", "trialdesk/domain/records.py"]  # records: the registry's words
# Code without Qt whose words are the screens' too (printouts, rule explanations): it marks them with a
# QT_TRANSLATE_NOOP of its own (trialdesk.services.words) or reads them through words.translate, and
# tools/i18n.py collects them from the syntax tree (lupdate is not run over these).
QT_FREE_SOURCES = ["trialdesk/services", "trialdesk/printouts", "trialdesk/exchange", "trialdesk/cli.py"]


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not exe:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return exe


def ui_messages() -> dict[tuple[str, str], str]:
    """(context, source) -> location, from pyside6-lupdate over the UI code."""
    files = []
    for entry in UI_SOURCES:
        path = ROOT / entry
        files += sorted(str(p) for p in (path.rglob("*.py") if path.is_dir() else [path]))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ui.ts"
        subprocess.run([_tool("pyside6-lupdate"), *files, "-ts", str(out)], check=True, capture_output=True)
        tree = ET.parse(out)
    found = {}
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            loc = msg.find("location")
            found[(name, msg.findtext("source"))] = "" if loc is None else Path(loc.get("filename")).name
    return found


def _files(entries: list[str]) -> list[Path]:
    out: list[Path] = []
    for entry in entries:
        path = ROOT / entry
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return out


def _module_constants(tree: ast.Module, follow: bool = True) -> dict[str, str]:
    """NAME = "text" at module level (a context named once, e.g. ``CONTEXT = "Explanation"``), and such
    names imported from another TrialDesk module (``from trialdesk.services.printout_words import PRINTOUTS``)."""
    found = {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
             for t in node.targets if isinstance(t, ast.Name)
             and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}
    for node in tree.body if follow else ():
        source = _imported_source(node)
        if source is not None:
            theirs = _module_constants(ast.parse(source.read_text(encoding="utf-8")), follow=False)
            found.update({(a.asname or a.name): theirs[a.name] for a in node.names if a.name in theirs})
    return found


def _imported_source(node: ast.AST) -> Path | None:
    """The file of the TrialDesk module a ``from trialdesk.… import …`` statement reads (a package's __init__.py)."""
    if not (isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("trialdesk.")):
        return None
    base = ROOT / node.module.replace(".", "/")
    for source in (base.with_suffix(".py"), base / "__init__.py"):
        if source.exists():
            return source
    return None


def _text(node: ast.AST | None, constants: dict[str, str]) -> str | None:
    if node is None:
        return None
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return _literal(node)


def _translate_aliases(tree: ast.Module, constants: dict[str, str], follow: bool = True) -> dict[str, tuple]:
    """Functions, methods and lambdas whose body is one ``return <x>.translate(<context>, <text>, ...)``:
    name -> (parameter names, defaults by name, context expression, text parameter, the constants of the module
    that defines it). The context is a literal, a module constant, or one of the parameters (then taken from
    each call). Also those of the TrialDesk modules ``tree`` imports from (``from trialdesk.services.printing._common
    import _Fmt``, then ``f.tr("Sex")``); the module's own win."""
    aliases = {}
    for node in tree.body if follow else ():
        source = _imported_source(node)
        if source is not None:
            theirs = ast.parse(source.read_text(encoding="utf-8"))
            aliases.update(_translate_aliases(theirs, _module_constants(theirs), follow=False))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            name, args, body = node.targets[0].id, node.value.args, node.value.body
        elif isinstance(node, ast.FunctionDef):
            statements = [b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
            if len(statements) != 1 or not isinstance(statements[0], ast.Return):
                continue
            name, args, body = node.name, node.args, statements[0].value
        else:
            continue
        if not (isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute) and body.func.attr == "translate"
                and len(body.args) >= 2 and isinstance(body.args[1], ast.Name)):
            continue
        params = [a.arg for a in args.args if a.arg not in ("self", "cls")]
        if body.args[1].id not in params:
            continue
        defaults = dict(zip([a.arg for a in args.args][len(args.args) - len(args.defaults):], args.defaults))
        aliases[name] = (params, defaults, body.args[0], body.args[1].id, constants)
    return aliases


def alias_messages(entries: list[str] | None = None) -> dict[tuple[str, str], str]:
    """(context, source) of calls that lupdate does not see, in ``entries`` (default: the UI and the
    Qt-free code):

    - calls through a translate alias, e.g. ``_tr = lambda text: QCoreApplication.translate("Ctx", text)``
      then ``_tr("Who")``, or a method ``def tr(self, text, context=PRINTOUTS): return
      words.translate(context, text, self.language)`` then ``f.tr("Sex")`` / ``f.tr("Causality", "Ctx")``;
    - in Qt-free code (``QT_FREE_SOURCES``), ``QT_TRANSLATE_NOOP(context, text)`` markers, ``Word(context,
      text)`` entries and direct ``words.translate(context, text, language)`` calls with literal texts.
    """
    found = {}
    qt_free = {str(f) for f in _files(QT_FREE_SOURCES)}
    for file in _files(entries if entries is not None else UI_SOURCES + QT_FREE_SOURCES):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        constants = _module_constants(tree)
        aliases = _translate_aliases(tree, constants)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in aliases:
                params, defaults, context_expr, text_param, home = aliases[name]
                given = dict(zip(params, node.args))
                given.update({k.arg: k.value for k in node.keywords if k.arg})
                if isinstance(context_expr, ast.Name) and context_expr.id in params:
                    context = (_text(given[context_expr.id], constants) if context_expr.id in given
                               else _text(defaults.get(context_expr.id), home))
                else:
                    context = _text(context_expr, home)
                text = _text(given.get(text_param), constants) if isinstance(given.get(text_param), ast.Constant) \
                    else None
            elif str(file) in qt_free and (name in ("QT_TRANSLATE_NOOP", "Word") or (
                    name == "translate" and isinstance(func, ast.Attribute))):
                if len(node.args) < 2:
                    continue
                context, text = _text(node.args[0], constants), _literal(node.args[1])
            else:
                continue
            if context and text:
                found[(context, text)] = file.name
    return found


def signature_messages() -> dict[tuple[str, str], str]:
    """("signatures", text) of every module-level ``MEANING_*`` / ``ATTESTATION*`` string: what a signature
    means and what the signer attests, shown translated by ``trialdesk.ui.i18n.signature_words``."""
    found = {}
    for path in sorted((ROOT / "trialdesk").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and _literal(node.value):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.startswith(("MEANING_", "ATTESTATION")):
                        found[("signatures", _literal(node.value))] = path.name
    return found


def error_messages() -> dict[tuple[str, str], str]:
    """("errors", template) for every string literal that starts a TrialDesk error outside the UI."""
    found = {}
    for path in sorted((ROOT / "trialdesk").rglob("*.py")):
        if "ui" in path.relative_to(ROOT / "trialdesk").parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            text = _literal(node.args[0])
            if name in ERROR_CLASSES and text:
                found[("errors", text)] = path.name
            elif name == "LabValueError" and len(node.args) > 1 and _literal(node.args[1]):
                found[("errors", _literal(node.args[1]))] = path.name  # (kind, template): shown via ValidationError
    return found


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return None  # f-strings cannot be translated by template
    return None


def _load() -> tuple[ET.ElementTree, dict[tuple[str, str], ET.Element]]:
    if TS.exists():
        tree = ET.parse(TS)
    else:
        root = ET.Element("TS", version="2.1", language="nb_NO")
        tree = ET.ElementTree(root)
    index = {}
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            index[(ctx.findtext("name"), msg.findtext("source"))] = msg
    return tree, index


def wanted() -> dict[tuple[str, str], str]:
    return {**ui_messages(), **alias_messages(), **signature_messages(), **error_messages()}


def update() -> int:
    tree, index = _load()
    root = tree.getroot()
    root.set("language", "nb_NO")
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    want = wanted()
    added = 0
    for (context, source), where in sorted(want.items()):
        if (context, source) in index:
            msg = index[(context, source)]
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                tr.attrib.pop("type")
            continue
        ctx = contexts.get(context)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
            contexts[context] = ctx
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = source
        translation = ET.SubElement(msg, "translation", type="unfinished")
        if is_plural(source):  # Qt's %n plural: Bokmål has two forms (1, and every other number)
            msg.set("numerus", "yes")
            for _ in range(2):
                ET.SubElement(translation, "numerusform")
        added += 1
    for key, msg in index.items():
        tr = msg.find("translation")
        if key not in want and tr is not None and tr.get("type") != "vanished":
            tr.set("type", "vanished")
    ET.indent(tree)
    TS.parent.mkdir(parents=True, exist_ok=True)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"{TS.relative_to(ROOT)}: {len(want)} strings, {added} new")
    return 0


def is_plural(source: str) -> bool:
    """A ``%n`` message: translated with numerus forms (``tr(text, "", n)``, ``words.translate_n``)."""
    return "%n" in source


def release() -> int:
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    print(f"{QM.relative_to(ROOT)} written")
    return 0


def problems() -> list[str]:
    """Every wanted string whose translation is missing or unfinished."""
    _, index = _load()
    out = []
    for key in sorted(wanted()):
        msg = index.get(key)
        tr = None if msg is None else msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
            forms = [] if tr is None else [(f.text or "").strip() for f in tr.iter("numerusform")]
            if not (forms and all(forms) and tr.get("type") not in ("unfinished", "vanished", "obsolete")):
                out.append(f"{key[0]}: {key[1]!r}")
        elif is_plural(key[1]) and msg.get("numerus") != "yes":
            out.append(f"{key[0]}: {key[1]!r} (a %n plural: needs numerus forms)")
    return out


def check() -> int:
    missing = problems()
    for line in missing:
        print("untranslated:", line)
    print(f"{len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    commands = {"update": update, "release": release, "check": check}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    sys.exit(commands[sys.argv[1]]())
