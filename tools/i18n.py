"""Keep the Norwegian Bokmål translation in step with the code.

    python tools/i18n.py update     # merge new UI strings and error messages into resources/i18n/trialdesk_nb.ts
    python tools/i18n.py release    # compile the .ts into trialdesk_nb.qm (what the app loads)
    python tools/i18n.py check      # exit 1 listing every string without a finished translation

UI strings come from ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` calls (pyside6-lupdate) and from calls
through a module's ``_tr = lambda text: QCoreApplication.translate("Ctx", text)`` alias; the
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
    "AccountLocked", "PermissionDenied", "ValidationError",
}
# trialdesk/services/explain.py: explanation wording shared by the UI and printouts; trialdesk/domain/records.py:
# the record registry's names, field labels and code words, read by the audit reader (no Qt in either; each
# marks its texts with a QT_TRANSLATE_NOOP of its own).
UI_SOURCES = ["trialdesk/ui", "trialdesk/app.py", "trialdesk/services/explain.py", "trialdesk/domain/records.py"]


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


def alias_messages() -> dict[tuple[str, str], str]:
    """(context, source) of calls through a module's translate alias, which lupdate does not see:
    ``_tr = lambda text: QCoreApplication.translate("Ctx", text)`` then ``_tr("Who")``."""
    found = {}
    for entry in UI_SOURCES:
        path = ROOT / entry
        for file in sorted(path.rglob("*.py") if path.is_dir() else [path]):
            tree = ast.parse(file.read_text(encoding="utf-8"))
            constants = {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                         for t in node.targets if isinstance(t, ast.Name)
                         and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}
            aliases = {}
            for node in tree.body:
                if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda)):
                    continue
                body = node.value.body
                if (isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute)
                        and body.func.attr == "translate" and body.args):
                    ctx = body.args[0]
                    context = _literal(ctx) or (constants.get(ctx.id) if isinstance(ctx, ast.Name) else None)
                    if context:
                        aliases.update({t.id: context for t in node.targets if isinstance(t, ast.Name)})
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in aliases
                        and node.args and _literal(node.args[0])):
                    found[(aliases[node.func.id], _literal(node.args[0]))] = file.name
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
        ET.SubElement(msg, "translation", type="unfinished")
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
            out.append(f"{key[0]}: {key[1]!r}")
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
