"""The screens' words for code that cannot use Qt's translator (printouts, exports, the CLI).

One catalogue for every reader: the translators' ``resources/i18n/trialdesk_<language>.ts`` — the very file
the screens' ``.qm`` is compiled from — read with the standard library's XML parser, once per language.
English is the source text itself. A word missing from the catalogue falls back to the English source
(tests/test_i18n.py fails while any string is untranslated, so that fallback is never seen in a release).

Plural forms follow Qt's ``%n`` convention: ``translate_n("visits", "%n serious adverse event(s)", n, "nb")``
takes the Bokmål numerus form for ``n`` (one form for 1, the other for every other number, as Qt's nb rule),
and in English the source with "(s)" resolved.

English source texts in code without Qt are marked for ``tools/i18n.py update`` by
``QT_TRANSLATE_NOOP(context, text)`` (returns ``text``, as Qt's does), by ``Word(context, text)`` (a catalogue
entry to translate later, e.g. in a table of a document's words), or by a literal ``translate(context, text, …)``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from typing import NamedTuple

from trialdesk.paths import resource_path

LANGUAGES = ("en", "nb")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name tools/i18n.py looks for
    """Marks ``text`` for translation in ``context`` (no Qt here; the screens' marker of the same name)."""
    return text


class Word(NamedTuple):
    """One entry of the catalogue: the English ``source`` in ``context`` (the screen's own entry where a
    screen shows the same word, so both say it alike)."""

    context: str
    source: str

    def in_language(self, language: str) -> str:
        return translate(self.context, self.source, language)


@lru_cache(maxsize=None)
def _catalogue(language: str) -> dict[tuple[str, str], tuple[str, ...]]:
    path = resource_path("i18n", f"trialdesk_{language}.ts")
    if not path.exists():
        return {}
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                                   "vanished"):
                continue
            forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            text = forms or ((translation.text or ""),)
            if any(text):
                out[(name, source)] = text
    return out


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: {', '.join(LANGUAGES)}")
    return language


def translate(context: str, source: str, language: str) -> str:
    """``source`` (English, as written in ``tr()`` in context ``context``) in ``language``."""
    if check_language(language) == "en":
        return source
    forms = _catalogue(language).get((context, source))
    return forms[0] if forms else source


def translate_n(context: str, source: str, n: int, language: str) -> str:
    """A ``%n`` plural: the form for ``n`` in ``language``, with ``%n`` replaced by ``n``."""
    if check_language(language) == "en":
        text = source.replace("(s)", "" if n == 1 else "s")
    else:
        forms = _catalogue(language).get((context, source)) or (source,)
        text = forms[0] if n == 1 or len(forms) == 1 else forms[1]
    return text.replace("%n", str(n))


def has(context: str, source: str, language: str) -> bool:
    """Whether the catalogue of ``language`` translates ``source`` (English always does)."""
    return check_language(language) == "en" or (context, source) in _catalogue(language)


__all__ = ["LANGUAGES", "QT_TRANSLATE_NOOP", "Word", "check_language", "has", "translate", "translate_n"]
