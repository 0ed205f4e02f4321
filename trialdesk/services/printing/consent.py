"""The information letter and consent form, from the installed consent template (issue 6)."""

from __future__ import annotations

import re
import tomllib
from datetime import datetime

from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.paths import resource_path
from trialdesk.printouts import documents
from trialdesk.printouts.model import ConsentFormData, ConsentSection
from trialdesk.services.permissions import Action, require
from trialdesk.services.printing._common import _check_language, _finish, _header, _participant
from trialdesk.services.printout_words import label

CONSENT_DIR = ("consent",)


def _version_key(path) -> tuple[int, ...]:
    match = re.search(r"_v([0-9.]+)\.toml$", path.name)
    return tuple(int(x) for x in match.group(1).split(".") if x) if match else ()


def consent_versions(language: str) -> list[str]:
    """The versions of the consent form installed for ``language`` (``resources/consent/``), newest first: the
    choice when a signed consent is recorded."""
    folder = resource_path(*CONSENT_DIR)
    files = sorted(folder.glob(f"kts11_consent_{language}_v*.toml"), key=_version_key, reverse=True)
    return [re.search(r"_v([0-9.]+)\.toml$", f.name).group(1) for f in files]


def consent_template(language: str, version: str | None = None) -> dict:
    """The consent template for ``language``: ``version`` if given, else the newest installed."""
    folder = resource_path(*CONSENT_DIR)
    files = sorted(folder.glob(f"kts11_consent_{language}_v*.toml"), key=_version_key)
    if version is not None:
        files = [f for f in files if f.name == f"kts11_consent_{language}_v{version}.toml"]
    if not files:
        raise ValidationError("No consent form template for {language} (version {version}) is installed.",
                              language=language, version=version or "any")
    with open(files[-1], "rb") as handle:
        return tomllib.load(handle)


def consent_form(store: Store, user: User, participant_id: str, *, language: str = "nb",
                 version: str | None = None, now: datetime | None = None) -> bytes:
    """The information letter and consent form for the participant to sign (default Bokmål)."""
    require(user, Action.PRINT)
    _check_language(language)
    participant = _participant(store, participant_id)
    template = consent_template(language, version)
    header = _header(store, user, participant.study_id, label("consent_title", language),
                     template["version"], language, now)
    data = ConsentFormData(
        header=header, form_title=template["title"], consent_version=template["version"],
        template_language=template["language"],
        sections=tuple(ConsentSection(s["heading"], tuple(s["paragraphs"])) for s in template["sections"]),
        declaration=template["declaration"]["participant"],
        investigator_declaration=template["declaration"]["investigator"],
        placeholder=template.get("placeholder"))
    doc = documents.consent_form(data)
    return _finish(store, user, doc, document="consent_form", table="participants", record_id=participant_id,
                   study_id=participant.study_id)
