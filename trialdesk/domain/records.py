"""The record registry: one declaration per audited table (what a record is, and how people read it)."""

# For every table the audit triggers watch (``db.migrations.audited_tables``) this module declares the
# parent record (table and foreign key), how a person names one record ("Injection D2", "Blood result D1 IgG",
# "Judgement E3", "Adverse event 2"), and per column: its kind, its label, unit, code words, whether it is masked
# for blinded roles after the first dose, whether it is identity data (never shown to the monitor) or redacted in
# the audit trail (``users.password_hash``), and its CDASH/SDTM variable and ODM item where the exports have one.
#
# Words are English source text marked with ``QT_TRANSLATE_NOOP("records", …)``: ``tools/i18n.py update``
# collects them into ``resources/i18n/trialdesk_nb.ts`` beside the screens' words, and readers without Qt word
# them with ``trialdesk.services.words.translate(CONTEXT, text, language)``. Pure standard library: no Qt, no SQL.
# A test (tests/db/test_records.py) fails when a column of an audited table has no entry here, or an entry
# names a column that does not exist.

from __future__ import annotations

import enum
from dataclasses import dataclass
from dataclasses import field as _dc_field
from types import MappingProxyType
from typing import Mapping

__all__ = ["CONTEXT", "Derived", "Field", "Kind", "Odm", "Parent", "Record", "RECORDS", "field_of", "record", "words"]

CONTEXT = "records"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for translation in ``context`` (no Qt here: the audit reader and printouts use it)."""
    return text


class Kind(str, enum.Enum):
    """How a stored value reads."""

    TEXT = "text"            # free text, shown as stored
    DATE = "date"            # ISO date -> 26.11.2026
    MOMENT = "moment"        # UTC ISO stamp -> Oslo time with offset
    NUMBER = "number"        # decimal (stored as REAL or as typed text) -> decimal comma in Bokmål
    INTEGER = "integer"
    BOOL = "bool"            # 0/1 -> yes/no
    CODE = "code"            # a code from ``codes`` or from a protocol vocabulary -> its word
    USER = "user"            # a user id -> "Full Name (username)"
    REFERENCE = "reference"  # the id of another record -> that record's name
    HIDDEN = "hidden"        # bookkeeping (ids, site, created/updated, parent key): never shown as a change


@dataclass(frozen=True)
class Odm:
    """The column's ODM 1.3.2 ItemDef: OID and DataType."""

    oid: str
    datatype: str = "text"


@dataclass(frozen=True)
class Derived:
    """A CSV (SDTM) variable derived from a column: ``values`` maps each stored code to the exported value
    (CDISC controlled terminology; None leaves the variable empty; a BOOL column's keys are True and False),
    or is None for the stored value itself under this variable's name. ``how`` says in English what the
    variable holds (the CSV export's readme prints it). ``domain`` names the one CSV domain the variable
    belongs to (None: every domain that carries the record's fields)."""

    variable: str
    values: Mapping[object, str | None] | None
    how: str
    domain: str | None = None


@dataclass(frozen=True)
class Field:
    """One column of a record.

    ``label`` is English source text (context :data:`CONTEXT`). ``codes`` maps stored codes to English words;
    ``vocabulary`` names a list kept elsewhere (the protocol's analytes, AE terms, premedications, criteria;
    lab units; signature meanings; record kinds) that the reader words. ``masked``: hidden from blinded roles
    after the participant's first dose (lab values of the protocol's ``masked_after_first_dose`` analytes).
    ``identity``: never shown to roles that may not see identities. ``redacted``: never in the audit trail.
    ``sdtm``: the CDASH/SDTM variable (the ODM item's SDSVarName, and the CSV's column unless ``derived``
    declares the CSV's variables instead); ``note``: how an export fills it beyond the stored value.
    """

    column: str
    kind: Kind
    label: str = ""
    unit: str | None = None
    codes: Mapping[str, str] | None = None
    vocabulary: str | None = None
    masked: bool = False
    identity: bool = False
    redacted: bool = False
    sdtm: str | None = None
    odm: Odm | None = None
    references: str | None = None  # the table a REFERENCE / USER column points to
    derived: tuple[Derived, ...] = ()  # the CSV's variables derived from this column (instead of ``sdtm``)
    note: str | None = None

    @property
    def shown(self) -> bool:
        return self.kind is not Kind.HIDDEN and not self.redacted


@dataclass(frozen=True)
class Parent:
    """The record a row belongs to: ``table`` through this row's ``column``."""

    table: str
    column: str


@dataclass(frozen=True)
class Record:
    """One audited table. ``label`` names a record ("Injection"); ``naming`` lists the keys that follow it
    ("dose", "analyte", "drug", "criterion", "code", "number"), resolved from the store by the reader."""

    table: str
    label: str
    fields: tuple[Field, ...]
    parent: Parent | None = None
    naming: tuple[str, ...] = ()
    identity: bool = False
    clinical: bool = True  # belongs to a participant's casebook (users and settings do not)
    _by_column: Mapping[str, Field] = _dc_field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_column", MappingProxyType({f.column: f for f in self.fields}))

    def field(self, column: str) -> Field:
        return self._by_column[column]

    def has(self, column: str) -> bool:
        return column in self._by_column

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.column for f in self.fields)


# --- building blocks -------------------------------------------------------------------------------------

def _hidden(*columns: str) -> tuple[Field, ...]:
    return tuple(Field(c, Kind.HIDDEN) for c in columns)


_COMMON = _hidden("id", "site", "created_at", "updated_at")

YES_NO = {"yes": QT_TRANSLATE_NOOP("records", "yes"), "no": QT_TRANSLATE_NOOP("records", "no")}
MASKED = QT_TRANSLATE_NOOP("records", "masked (blinded)")
HIDDEN_VALUE = QT_TRANSLATE_NOOP("records", "(hidden)")
REDACTED_VALUE = "***"
EMPTY = QT_TRANSLATE_NOOP("records", "(empty)")
ACTIONS = {"INSERT": QT_TRANSLATE_NOOP("records", "entered"), "UPDATE": QT_TRANSLATE_NOOP("records", "changed"),
           "DELETE": QT_TRANSLATE_NOOP("records", "deleted")}
NEW_RECORD = QT_TRANSLATE_NOOP("records", "(new record)")
# Audit rows that are not row changes but name a participant's record (a print of it).
EVENTS = {"PRINT": QT_TRANSLATE_NOOP("records", "printed")}
DOCUMENTS = {"consent_form": QT_TRANSLATE_NOOP("records", "consent form"),
             "screening_summary": QT_TRANSLATE_NOOP("records", "screening summary"),
             "visit_summary": QT_TRANSLATE_NOOP("records", "visit summary"),
             "sae_report": QT_TRANSLATE_NOOP("records", "SAE report"),
             "casebook": QT_TRANSLATE_NOOP("records", "casebook"),
             "contact_summary": QT_TRANSLATE_NOOP("records", "contact summary"),
             "pairing_card": QT_TRANSLATE_NOOP("records", "pairing card")}
PAGES = QT_TRANSLATE_NOOP("records", "pages")
AT_SITE = QT_TRANSLATE_NOOP("records", "site {site}")  # a change made at another workstation, received in a bundle

SEX = {"F": QT_TRANSLATE_NOOP("records", "female"), "M": QT_TRANSLATE_NOOP("records", "male")}
STATUS = {
    "candidate": QT_TRANSLATE_NOOP("records", "Candidate"),
    "screening": QT_TRANSLATE_NOOP("records", "Screening"),
    "screen_failure": QT_TRANSLATE_NOOP("records", "Screen failure"),
    "enrolled": QT_TRANSLATE_NOOP("records", "Enrolled (baseline)"),
    "on_treatment": QT_TRANSLATE_NOOP("records", "On treatment"),
    "follow_up": QT_TRANSLATE_NOOP("records", "Follow-up"),
    "completed": QT_TRANSLATE_NOOP("records", "Completed"),
    "withdrawn": QT_TRANSLATE_NOOP("records", "Withdrawn"),
    "lost_to_follow_up": QT_TRANSLATE_NOOP("records", "Lost to follow-up"),
    "died": QT_TRANSLATE_NOOP("records", "Died"),
}
ROLE = {"investigator": QT_TRANSLATE_NOOP("records", "Investigator"),
        "nurse": QT_TRANSLATE_NOOP("records", "Nurse"),
        "monitor": QT_TRANSLATE_NOOP("records", "Monitor"),
        "administrator": QT_TRANSLATE_NOOP("records", "Administrator")}
LANGUAGE = {"nb": QT_TRANSLATE_NOOP("records", "Norwegian (bokmål)"), "en": QT_TRANSLATE_NOOP("records", "English")}
SEVERITY = {
    "mild": QT_TRANSLATE_NOOP("records", "mild"),
    "mild_moderate": QT_TRANSLATE_NOOP("records", "mild/moderate"),
    "moderate": QT_TRANSLATE_NOOP("records", "moderate"),
    "moderate_severe": QT_TRANSLATE_NOOP("records", "moderate/severe"),
    "severe": QT_TRANSLATE_NOOP("records", "severe"),
    "very_severe": QT_TRANSLATE_NOOP("records", "very severe"),
}
ONSET_TRIGGER = {"infection": QT_TRANSLATE_NOOP("records", "infection"),
                 "other_immunological": QT_TRANSLATE_NOOP("records", "other immunological"),
                 "none": QT_TRANSLATE_NOOP("records", "none")}
PREGNANCY_TEST = {"negative": QT_TRANSLATE_NOOP("records", "negative"),
                  "positive": QT_TRANSLATE_NOOP("records", "positive")}
ELIGIBILITY = {"eligible": QT_TRANSLATE_NOOP("records", "eligible"),
               "not_eligible": QT_TRANSLATE_NOOP("records", "not eligible")}
VISIT_KIND = {"dose": QT_TRANSLATE_NOOP("records", "dose"),
              "phone": QT_TRANSLATE_NOOP("records", "phone"),
              "consultation": QT_TRANSLATE_NOOP("records", "consultation"),
              "end_of_study": QT_TRANSLATE_NOOP("records", "end of study"),
              "follow_up": QT_TRANSLATE_NOOP("records", "long-term follow-up")}
DOSE_STATE = {"open": QT_TRANSLATE_NOOP("records", "open"),
              "given": QT_TRANSLATE_NOOP("records", "given"),
              "not_given": QT_TRANSLATE_NOOP("records", "not given"),
              "missed": QT_TRANSLATE_NOOP("records", "not given (missed)")}
GO_VERDICT = {"go": QT_TRANSLATE_NOOP("records", "GO"),
              "needs_reason": QT_TRANSLATE_NOOP("records", "GO with reason (outside window)"),
              "no_go": QT_TRANSLATE_NOOP("records", "NO-GO (overridden)")}
SAMPLE_CONTEXT = {"pre_dose": QT_TRANSLATE_NOOP("records", "before the dose"),
                  "consultation": QT_TRANSLATE_NOOP("records", "at a doctor consultation")}
CONTACT_STATE = {"open": QT_TRANSLATE_NOOP("records", "open"),
                 "done": QT_TRANSLATE_NOOP("records", "done"),
                 "not_reached": QT_TRANSLATE_NOOP("records", "not reached"),
                 "missed": QT_TRANSLATE_NOOP("records", "missed")}
ATTEMPT_OUTCOME = {"reached": QT_TRANSLATE_NOOP("records", "reached"),
                   "no_answer": QT_TRANSLATE_NOOP("records", "no answer"),
                   "voicemail": QT_TRANSLATE_NOOP("records", "voicemail left"),
                   "wrong_number": QT_TRANSLATE_NOOP("records", "wrong number"),
                   "other": QT_TRANSLATE_NOOP("records", "other")}
DISPOSITION_EVENT = {"first_dose": QT_TRANSLATE_NOOP("records", "first dose given"),
                     "treatment_complete": QT_TRANSLATE_NOOP("records", "last dose given: follow-up"),
                     "study_drug_discontinued": QT_TRANSLATE_NOOP("records", "study drug discontinued"),
                     "consent_withdrawn": QT_TRANSLATE_NOOP("records", "consent withdrawn"),
                     "lost_to_follow_up": QT_TRANSLATE_NOOP("records", "lost to follow-up"),
                     "death": QT_TRANSLATE_NOOP("records", "death"),
                     "completed": QT_TRANSLATE_NOOP("records", "study completed")}
ROUTE = {  # the codes of domain.protocol.model.MEDICATION_ROUTES (CDISC CMROUTE terms)
    "oral": QT_TRANSLATE_NOOP("records", "oral"),
    "intravenous": QT_TRANSLATE_NOOP("records", "intravenous"),
    "intramuscular": QT_TRANSLATE_NOOP("records", "intramuscular"),
    "subcutaneous": QT_TRANSLATE_NOOP("records", "subcutaneous"),
    "rectal": QT_TRANSLATE_NOOP("records", "rectal"),
    "transdermal": QT_TRANSLATE_NOOP("records", "transdermal (patch)"),
    "topical": QT_TRANSLATE_NOOP("records", "on the skin (topical)"),
    "inhaled": QT_TRANSLATE_NOOP("records", "inhaled"),
    "nasal": QT_TRANSLATE_NOOP("records", "nasal"),
    "ophthalmic": QT_TRANSLATE_NOOP("records", "in the eye"),
    "otic": QT_TRANSLATE_NOOP("records", "in the ear"),
    "vaginal": QT_TRANSLATE_NOOP("records", "vaginal"),
    "intra_articular": QT_TRANSLATE_NOOP("records", "into a joint"),
    "other": QT_TRANSLATE_NOOP("records", "other route"),
}
WITHDRAWAL_SCOPE = {
    "no_further_contact": QT_TRANSLATE_NOOP("records", "no further contact or data collection"),
    "safety_follow_up": QT_TRANSLATE_NOOP("records", "agrees to safety follow-up by phone"),
}
FLAG = {"L": QT_TRANSLATE_NOOP("records", "L (below reference)"),
        "H": QT_TRANSLATE_NOOP("records", "H (above reference)")}
INJECTION_SITE = {"abdomen_left": QT_TRANSLATE_NOOP("records", "abdomen left"),
                  "abdomen_right": QT_TRANSLATE_NOOP("records", "abdomen right")}
CAUSALITY = {"not_related": QT_TRANSLATE_NOOP("records", "not related"),
             "unlikely": QT_TRANSLATE_NOOP("records", "unlikely"),
             "possible": QT_TRANSLATE_NOOP("records", "possible"),
             "probable": QT_TRANSLATE_NOOP("records", "probable"),
             "definite": QT_TRANSLATE_NOOP("records", "definitely related")}
ACTION_TAKEN = {"none": QT_TRANSLATE_NOOP("records", "none (dose not changed)"),
                "dose_delayed": QT_TRANSLATE_NOOP("records", "dose delayed"),
                "dose_not_given": QT_TRANSLATE_NOOP("records", "dose not given"),
                "withdrawn": QT_TRANSLATE_NOOP("records", "study drug withdrawn"),
                "not_applicable": QT_TRANSLATE_NOOP("records", "not applicable"),
                "unknown": QT_TRANSLATE_NOOP("records", "unknown")}
OUTCOME = {"recovered": QT_TRANSLATE_NOOP("records", "recovered"),
           "recovering": QT_TRANSLATE_NOOP("records", "recovering"),
           "not_recovered": QT_TRANSLATE_NOOP("records", "not recovered"),
           "recovered_with_sequelae": QT_TRANSLATE_NOOP("records", "recovered with sequelae"),
           "fatal": QT_TRANSLATE_NOOP("records", "fatal"),
           "unknown": QT_TRANSLATE_NOOP("records", "unknown")}


# --- CDISC controlled terminology of the CSV export ------------------------------------------------------
#
# Each mapping turns a stored code into the submission value of a CDISC codelist (SDTM Terminology, NCI EVS;
# the codelist's C-code in the comment). Checked against the NCI EVS SDTM Terminology 2022-09-30 as rendered
# in the public hakupao/sdtm-pedia knowledge base (terminology/core/*.md) and SDTMIG v3.4; a value marked
# [VERIFY] is a choice or a sponsor extension to confirm with the sponsor's data manager.

# LBTESTCD (C65047) and LBTEST (C67154). The protocol's own codes differ for three analytes: HB is HGB,
# PLT is PLAT, LYMPH is LYM; NK (CD3-CD16+56+ count) is NKCE "Natural Killer Cells" (C98762, total NK cells).
LBTESTCD = {"HB": "HGB", "NEUT": "NEUT", "LYMPH": "LYM", "WBC": "WBC", "PLT": "PLAT", "IGG": "IGG", "NK": "NKCE",
            "ALT": "ALT", "CREAT": "CREAT", "CRP": "CRP"}
LBTEST = {"HB": "Hemoglobin", "NEUT": "Neutrophils", "LYMPH": "Lymphocytes", "WBC": "Leukocytes",
          "PLT": "Platelets", "IGG": "Immunoglobulin G", "NK": "Natural Killer Cells",
          "ALT": "Alanine Aminotransferase", "CREAT": "Creatinine", "CRP": "C Reactive Protein"}
# AEOUT (OUT, C66768): one term per stored outcome.
AEOUT = {"recovered": "RECOVERED/RESOLVED", "recovering": "RECOVERING/RESOLVING",
         "not_recovered": "NOT RECOVERED/NOT RESOLVED", "recovered_with_sequelae": "RECOVERED/RESOLVED WITH SEQUELAE",
         "fatal": "FATAL", "unknown": "UNKNOWN"}
# AEACN (ACN, C66767). A dose delayed or a single dose not given (the course then goes on) is DRUG INTERRUPTED:
# "a medication schedule was modified by temporarily terminating a prescribed regimen"; DOSE NOT CHANGED means
# "a medication schedule was maintained", which a delay does not. The CSV thereby merges the two codes (the ODM
# keeps them apart). [VERIFY] with the sponsor's SAP (some map a delay to DOSE NOT CHANGED).
AEACN = {"none": "DOSE NOT CHANGED", "dose_delayed": "DRUG INTERRUPTED", "dose_not_given": "DRUG INTERRUPTED",
         "withdrawn": "DRUG WITHDRAWN", "not_applicable": "NOT APPLICABLE", "unknown": "UNKNOWN"}
# AEREL has no CDISC codelist (sponsor-defined in SDTMIG); the usual five-point scale. [VERIFY] sponsor terms.
AEREL = {"not_related": "NOT RELATED", "unlikely": "UNLIKELY RELATED", "possible": "POSSIBLY RELATED",
         "probable": "PROBABLY RELATED", "definite": "RELATED"}
# DS (SDTMIG v3.4 DS assumptions 2-3): DSCAT (C74558), DSSCAT (C170443), DSDECOD from NCOMPLT (C66727) for a
# disposition event and from PROTMLST (C114118, extensible) for a protocol milestone. The first dose is a
# milestone; the last dose given and the study drug discontinued are dispositions of the study treatment; the
# rest dispose of study participation. Consent withdrawn is WITHDRAWAL OF CONSENT (C176342: "the consent to
# participate in the study, or one or more components of the study, has been revoked"), closer to the event
# than WITHDRAWAL BY SUBJECT (C49634). The study drug discontinued is ADVERSE EVENT when the record names the
# AE it was for (DISCONTINUED_FOR_AE), else OTHER with the reason as typed in DSTERM: TrialDesk keeps no coded
# reason [VERIFY]. "FIRST DOSE" is a sponsor extension of PROTMLST [VERIFY].
COMPLETED = "COMPLETED"
DISCONTINUED_FOR_AE = "ADVERSE EVENT"
DSDECOD = {"first_dose": "FIRST DOSE", "treatment_complete": COMPLETED, "study_drug_discontinued": "OTHER",
           "consent_withdrawn": "WITHDRAWAL OF CONSENT", "lost_to_follow_up": "LOST TO FOLLOW-UP", "death": "DEATH",
           "completed": COMPLETED}
DSCAT = {e: "PROTOCOL MILESTONE" if e == "first_dose" else "DISPOSITION EVENT" for e in DSDECOD}
DSSCAT = {"first_dose": None, "treatment_complete": "STUDY TREATMENT", "study_drug_discontinued": "STUDY TREATMENT",
          "consent_withdrawn": "STUDY PARTICIPATION", "lost_to_follow_up": "STUDY PARTICIPATION",
          "death": "STUDY PARTICIPATION", "completed": "STUDY PARTICIPATION"}
# CMROUTE (ROUTE, C66729, extensible). "other" has no term: OTHER is a sponsor extension [VERIFY].
CMROUTE = {"oral": "ORAL", "intravenous": "INTRAVENOUS", "intramuscular": "INTRAMUSCULAR",
           "subcutaneous": "SUBCUTANEOUS", "rectal": "RECTAL", "transdermal": "TRANSDERMAL", "topical": "TOPICAL",
           "inhaled": "RESPIRATORY (INHALATION)", "nasal": "NASAL", "ophthalmic": "OPHTHALMIC",
           "otic": "AURICULAR (OTIC)", "vaginal": "VAGINAL", "intra_articular": "INTRA-ARTICULAR", "other": "OTHER"}
# SVCNTMOD (C171445, extensible): how the visit was held. The end of study is a visit at the site [VERIFY];
# the long-term follow-ups are phone calls with a form (protocol).
SVCNTMOD = {"dose": "IN PERSON", "phone": "TELEPHONE CALL", "consultation": "IN PERSON",
            "end_of_study": "IN PERSON", "follow_up": "TELEPHONE CALL"}
# SVOCCUR (NY, C66742): whether a planned visit took place; a visit still open is not in SV yet (None).
CONTACT_OCCURRED = {"open": None, "done": "Y", "not_reached": "N", "missed": "N"}
DOSE_VISIT_OCCURRED = {"open": None, "given": "Y", "not_given": "N", "missed": "N"}
# ECOCCUR (NY): whether the dose was given; never a dose 0 (an open visit has no EC record).
DOSE_GIVEN = {"open": None, "given": "Y", "not_given": "N", "missed": "N"}


def _f(column: str, kind: Kind, label: str, **kw) -> Field:
    return Field(column, kind, label, **kw)


# --- the registry ----------------------------------------------------------------------------------------

_RECORDS = (
    Record("settings", QT_TRANSLATE_NOOP("records", "Setting"), _COMMON + (
        _f("key", Kind.TEXT, QT_TRANSLATE_NOOP("records", "setting")),
        _f("value", Kind.TEXT, QT_TRANSLATE_NOOP("records", "value")),
    ), naming=("key",), clinical=False),
    Record("users", QT_TRANSLATE_NOOP("records", "User"), _COMMON + (
        _f("username", Kind.TEXT, QT_TRANSLATE_NOOP("records", "user name")),
        _f("full_name", Kind.TEXT, QT_TRANSLATE_NOOP("records", "name")),
        _f("role", Kind.CODE, QT_TRANSLATE_NOOP("records", "role"), codes=ROLE),
        _f("password_hash", Kind.TEXT, QT_TRANSLATE_NOOP("records", "password"), redacted=True),
        _f("active", Kind.BOOL, QT_TRANSLATE_NOOP("records", "active")),
        _f("failed_logins", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "failed sign-ins")),
        _f("locked_until", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "locked until")),
        _f("password_set_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "password set at")),
        _f("unblinded", Kind.BOOL, QT_TRANSLATE_NOOP("records", "unblinded safety physician")),
        _f("must_change_password", Kind.BOOL, QT_TRANSLATE_NOOP("records", "temporary password")),
    ), naming=("username",), clinical=False),
    # Paired workstations (issue 12). This store's own private keys (``exchange_keys``) are not a record: that
    # table is never audited, so no key can enter the trail.
    Record("peers", QT_TRANSLATE_NOOP("records", "Paired workstation"), _COMMON + (
        _f("peer_store_id", Kind.TEXT, QT_TRANSLATE_NOOP("records", "store id")),
        _f("site_code", Kind.TEXT, QT_TRANSLATE_NOOP("records", "site code")),
        _f("site_name", Kind.TEXT, QT_TRANSLATE_NOOP("records", "site name")),
        _f("study", Kind.TEXT, QT_TRANSLATE_NOOP("records", "study")),
        _f("signing_key", Kind.TEXT, QT_TRANSLATE_NOOP("records", "signing public key")),
        _f("age_recipient", Kind.TEXT, QT_TRANSLATE_NOOP("records", "encryption public key")),
        _f("fingerprint", Kind.TEXT, QT_TRANSLATE_NOOP("records", "fingerprint")),
        _f("identity_created_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "keys made at")),
        _f("paired_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "paired at")),
        _f("paired_by", Kind.USER, QT_TRANSLATE_NOOP("records", "paired by"), references="users"),
        _f("revoked_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "revoked at")),
        _f("revoked_by", Kind.USER, QT_TRANSLATE_NOOP("records", "revoked by"), references="users"),
        _f("revoke_reason", Kind.TEXT, QT_TRANSLATE_NOOP("records", "reason for revoking")),
    ), clinical=False),
    Record("conflict_resolutions", QT_TRANSLATE_NOOP("records", "Exchange conflict resolved"), _COMMON + (
        _f("conflict_id", Kind.TEXT, QT_TRANSLATE_NOOP("records", "conflict")),
        _f("kind", Kind.TEXT, QT_TRANSLATE_NOOP("records", "kind of conflict")),
        _f("record_table", Kind.CODE, QT_TRANSLATE_NOOP("records", "record"), vocabulary="record_kind"),
        _f("record_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "record id")),
        _f("field", Kind.TEXT, QT_TRANSLATE_NOOP("records", "field")),
        _f("choice", Kind.TEXT, QT_TRANSLATE_NOOP("records", "decision")),
        _f("value", Kind.TEXT, QT_TRANSLATE_NOOP("records", "value kept")),
        _f("kept_record_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "record kept")),
        _f("dropped_record_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "record removed")),
        _f("event_ids", Kind.TEXT, QT_TRANSLATE_NOOP("records", "changes decided on")),
        _f("reason", Kind.TEXT, QT_TRANSLATE_NOOP("records", "reason")),
        _f("resolved_by", Kind.TEXT, QT_TRANSLATE_NOOP("records", "resolved by")),
        _f("resolved_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "resolved at")),
    ), clinical=False),
    Record("participants", QT_TRANSLATE_NOOP("records", "Participant"), _COMMON + (
        _f("study_id", Kind.TEXT, QT_TRANSLATE_NOOP("records", "study id"), sdtm="SUBJID", odm=Odm("IT.DM.SUBJID")),
        _f("sex", Kind.CODE, QT_TRANSLATE_NOOP("records", "sex"), codes=SEX, sdtm="SEX", odm=Odm("IT.DM.SEX")),
        _f("birth_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "birth date"), sdtm="BRTHDTC",
           odm=Odm("IT.DM.BRTHDTC", "date")),
        _f("childbearing_potential", Kind.BOOL, QT_TRANSLATE_NOOP("records", "childbearing potential"),
           odm=Odm("IT.DM.CHILDBEARING_POTENTIAL", "integer")),
        _f("status", Kind.CODE, QT_TRANSLATE_NOOP("records", "status"), codes=STATUS, odm=Odm("IT.DM.STATUS")),
        _f("inclusion_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "inclusion date"),
           odm=Odm("IT.DM.INCLUSION_DATE", "date")),
        _f("type_and_screen_on", Kind.DATE, QT_TRANSLATE_NOOP("records", "type and screen"),
           odm=Odm("IT.DM.TYPE_AND_SCREEN_ON", "date")),
        _f("alert_card_issued_on", Kind.DATE, QT_TRANSLATE_NOOP("records", "alert card"),
           odm=Odm("IT.DM.ALERT_CARD_ISSUED_ON", "date")),
        _f("study_drug_discontinued_on", Kind.DATE, QT_TRANSLATE_NOOP("records", "study drug discontinued on"),
           odm=Odm("IT.DM.STUDY_DRUG_DISCONTINUED_ON", "date")),
    ), naming=("study_id",)),
    Record("identities", QT_TRANSLATE_NOOP("records", "Identity"), _COMMON + _hidden("participant_id") + (
        _f("full_name", Kind.TEXT, QT_TRANSLATE_NOOP("records", "name"), identity=True),
        _f("id_number", Kind.TEXT, QT_TRANSLATE_NOOP("records", "identity number"), identity=True),
        _f("phone", Kind.TEXT, QT_TRANSLATE_NOOP("records", "phone"), identity=True),
        _f("gp", Kind.TEXT, QT_TRANSLATE_NOOP("records", "GP"), identity=True),
    ), parent=Parent("participants", "participant_id"), identity=True),
    Record("signatures", QT_TRANSLATE_NOOP("records", "Signature"), _COMMON + (
        _f("user_id", Kind.USER, QT_TRANSLATE_NOOP("records", "signed by"), references="users"),
        _f("username", Kind.TEXT, QT_TRANSLATE_NOOP("records", "user name")),
        _f("full_name", Kind.TEXT, QT_TRANSLATE_NOOP("records", "printed name")),
        _f("meaning", Kind.CODE, QT_TRANSLATE_NOOP("records", "meaning"), vocabulary="signature_meaning"),
        _f("record_table", Kind.CODE, QT_TRANSLATE_NOOP("records", "signed record"), vocabulary="record_kind"),
        _f("record_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "signed record id")),
        _f("content_hash", Kind.TEXT, QT_TRANSLATE_NOOP("records", "signed content hash")),
        _f("signed_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "signed at")),
    ), naming=("dose",)),
    Record("consents", QT_TRANSLATE_NOOP("records", "Consent"), _COMMON + _hidden("participant_id") + (
        _f("form_version", Kind.TEXT, QT_TRANSLATE_NOOP("records", "form version"), odm=Odm("IT.IC.FORM_VERSION")),
        _f("language", Kind.CODE, QT_TRANSLATE_NOOP("records", "language"), codes=LANGUAGE,
           odm=Odm("IT.IC.LANGUAGE")),
        _f("participant_signed_on", Kind.DATE, QT_TRANSLATE_NOOP("records", "signed by participant"),
           sdtm="RFICDTC", odm=Odm("IT.IC.RFICDTC", "date")),
        _f("investigator_signed_on", Kind.DATE, QT_TRANSLATE_NOOP("records", "signed by investigator"),
           odm=Odm("IT.IC.INVESTIGATOR_SIGNED_ON", "date")),
        _f("obtained_by", Kind.USER, QT_TRANSLATE_NOOP("records", "obtained by"), references="users",
           odm=Odm("IT.IC.OBTAINED_BY")),
        _f("copy_given", Kind.BOOL, QT_TRANSLATE_NOOP("records", "copy given"),
           odm=Odm("IT.IC.COPY_GIVEN", "integer")),
    ), parent=Parent("participants", "participant_id"), naming=("number",)),
    Record("screenings", QT_TRANSLATE_NOOP("records", "Screening"), _COMMON + _hidden("participant_id") + (
        _f("screening_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "screening date"),
           odm=Odm("IT.SCR.SCREENING_DATE", "date")),
        _f("canadian_criteria_met", Kind.BOOL, QT_TRANSLATE_NOOP("records", "Canadian criteria met"),
           odm=Odm("IT.SCR.CANADIAN_CRITERIA_MET", "integer")),
        _f("severity", Kind.CODE, QT_TRANSLATE_NOOP("records", "severity"), codes=SEVERITY,
           odm=Odm("IT.SCR.SEVERITY")),
        _f("me_cfs_onset_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "ME/CFS onset date"),
           odm=Odm("IT.SCR.ME_CFS_ONSET_DATE", "date")),
        _f("onset_trigger", Kind.CODE, QT_TRANSLATE_NOOP("records", "onset trigger"), codes=ONSET_TRIGGER,
           odm=Odm("IT.SCR.ONSET_TRIGGER")),
        _f("pregnancy_test", Kind.CODE, QT_TRANSLATE_NOOP("records", "pregnancy test"), codes=PREGNANCY_TEST,
           odm=Odm("IT.SCR.PREGNANCY_TEST")),
        _f("nk_value_text", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "NK as entered"),
           odm=Odm("IT.SCR.NK_VALUE_TEXT")),
        _f("nk_unit", Kind.CODE, QT_TRANSLATE_NOOP("records", "NK unit"), vocabulary="unit",
           odm=Odm("IT.SCR.NK_UNIT")),
        _f("nk_value", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "NK (×10^6/L)"), unit="10^6/L",
           odm=Odm("IT.SCR.NK_VALUE", "float")),
        _f("igg_value_text", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "IgG as entered"),
           odm=Odm("IT.SCR.IGG_VALUE_TEXT")),
        _f("igg_unit", Kind.CODE, QT_TRANSLATE_NOOP("records", "IgG unit"), vocabulary="unit",
           odm=Odm("IT.SCR.IGG_UNIT")),
        _f("igg_value", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "IgG (g/L)"), unit="g/L",
           odm=Odm("IT.SCR.IGG_VALUE", "float")),
    ), parent=Parent("participants", "participant_id")),
    Record("screening_judgements", QT_TRANSLATE_NOOP("records", "Judgement"), _COMMON + _hidden("screening_id") + (
        _f("criterion_id", Kind.CODE, QT_TRANSLATE_NOOP("records", "criterion"), vocabulary="criterion",
           sdtm="IETESTCD"),
        _f("answer", Kind.BOOL, QT_TRANSLATE_NOOP("records", "answer"), sdtm="IEORRES",
           odm=Odm("IT.IE.IEORRES", "integer")),
        _f("note", Kind.TEXT, QT_TRANSLATE_NOOP("records", "note"), odm=Odm("IT.IE.NOTE")),
    ), parent=Parent("screenings", "screening_id"), naming=("criterion",)),
    Record("eligibility_decisions", QT_TRANSLATE_NOOP("records", "Eligibility decision"),
           _COMMON + _hidden("participant_id") + (
        _f("verdict", Kind.CODE, QT_TRANSLATE_NOOP("records", "verdict"), codes=ELIGIBILITY,
           odm=Odm("IT.ELIG.VERDICT")),
        _f("failed", Kind.CODE, QT_TRANSLATE_NOOP("records", "failed criteria"), vocabulary="criteria",
           odm=Odm("IT.ELIG.FAILED")),
        _f("missing", Kind.CODE, QT_TRANSLATE_NOOP("records", "open criteria"), vocabulary="criteria",
           odm=Odm("IT.ELIG.MISSING")),
        _f("protocol_version", Kind.TEXT, QT_TRANSLATE_NOOP("records", "protocol version"),
           odm=Odm("IT.ELIG.PROTOCOL_VERSION")),
        _f("checklist_hash", Kind.TEXT, QT_TRANSLATE_NOOP("records", "checklist hash"),
           odm=Odm("IT.ELIG.CHECKLIST_HASH")),
        _f("signature_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "signature"), references="signatures"),
        _f("decided_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "decided at"),
           odm=Odm("IT.ELIG.DECIDED_AT", "datetime")),
    ), parent=Parent("participants", "participant_id"), naming=("number",)),
    Record("planned_visits", QT_TRANSLATE_NOOP("records", "Visit calendar"), _COMMON + _hidden("participant_id") + (
        _f("code", Kind.TEXT, QT_TRANSLATE_NOOP("records", "visit code"), odm=Odm("IT.PV.CODE")),
        _f("kind", Kind.CODE, QT_TRANSLATE_NOOP("records", "kind"), codes=VISIT_KIND, odm=Odm("IT.PV.KIND")),
        _f("label_en", Kind.TEXT, QT_TRANSLATE_NOOP("records", "visit"), odm=Odm("IT.PV.LABEL_EN")),
        _f("label_nb", Kind.TEXT, QT_TRANSLATE_NOOP("records", "visit (nb)")),
        _f("target_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "target date"),
           odm=Odm("IT.PV.TARGET_DATE", "date")),
        _f("window_start", Kind.DATE, QT_TRANSLATE_NOOP("records", "window starts"),
           odm=Odm("IT.PV.WINDOW_START", "date")),
        _f("window_end", Kind.DATE, QT_TRANSLATE_NOOP("records", "window ends"), odm=Odm("IT.PV.WINDOW_END", "date")),
        _f("done_on", Kind.DATE, QT_TRANSLATE_NOOP("records", "done on"), odm=Odm("IT.PV.DONE_ON", "date")),
        _f("protocol_version", Kind.TEXT, QT_TRANSLATE_NOOP("records", "protocol version"),
           odm=Odm("IT.PV.PROTOCOL_VERSION")),
    ), parent=Parent("participants", "participant_id"), naming=("code",)),
    Record("dose_visits", QT_TRANSLATE_NOOP("records", "Dose visit"), _COMMON + _hidden("participant_id") + (
        _f("dose_code", Kind.TEXT, QT_TRANSLATE_NOOP("records", "dose"), sdtm="VISIT", odm=Odm("IT.DOSE.VISIT")),
        _f("visit_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "visit date"),
           odm=Odm("IT.DOSE.VISIT_DATE", "date"), derived=(
               Derived("SVSTDTC", None, "the dose visit's day (Oslo)", domain="SV"),)),
        _f("state", Kind.CODE, QT_TRANSLATE_NOOP("records", "state"), codes=DOSE_STATE, odm=Odm("IT.DOSE.STATE"),
           derived=(Derived("SVOCCUR", DOSE_VISIT_OCCURRED,
                            "Y for a dose given; N for a dose not given (the visit counts as not held, SVREASOC is "
                            "the reason recorded); a visit still open is not in SV yet", domain="SV"),
                    Derived("ECOCCUR", DOSE_GIVEN, "Y for a dose given, N for a dose not given (never a dose 0)",
                            domain="EC"))),
        _f("pregnancy_test", Kind.CODE, QT_TRANSLATE_NOOP("records", "pregnancy test"), codes=PREGNANCY_TEST,
           odm=Odm("IT.DOSE.PREGNANCY_TEST")),
        _f("verdict", Kind.CODE, QT_TRANSLATE_NOOP("records", "verdict"), codes=GO_VERDICT,
           odm=Odm("IT.DOSE.VERDICT")),
        _f("window_reason", Kind.TEXT, QT_TRANSLATE_NOOP("records", "window reason"),
           odm=Odm("IT.DOSE.WINDOW_REASON")),
        _f("override_reason", Kind.TEXT, QT_TRANSLATE_NOOP("records", "override reason"),
           odm=Odm("IT.DOSE.OVERRIDE_REASON")),
        _f("override_signature_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "override signature"),
           references="signatures"),
    ), parent=Parent("participants", "participant_id"), naming=("dose",)),
    Record("premedications", QT_TRANSLATE_NOOP("records", "Premedication"), _COMMON + _hidden("dose_visit_id") + (
        _f("drug", Kind.CODE, QT_TRANSLATE_NOOP("records", "drug"), vocabulary="premedication", sdtm="CMTRT",
           odm=Odm("IT.PREMED.CMTRT")),
        _f("given_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "given at"), sdtm="CMSTDTC",
           odm=Odm("IT.PREMED.CMSTDTC", "datetime")),
    ), parent=Parent("dose_visits", "dose_visit_id"), naming=("dose", "drug")),
    Record("lab_samples", QT_TRANSLATE_NOOP("records", "Blood sample"), _COMMON + _hidden("participant_id") + (
        _f("dose_visit_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "dose visit"), references="dose_visits"),
        _f("sampled_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "sampled at"), sdtm="LBDTC",
           odm=Odm("IT.LBS.LBDTC", "datetime")),
        _f("context", Kind.CODE, QT_TRANSLATE_NOOP("records", "context"), codes=SAMPLE_CONTEXT, sdtm="LBTPT",
           odm=Odm("IT.LBS.LBTPT"), derived=(
               Derived("LBTPT", {"pre_dose": "PRE-DOSE", "consultation": None},
                       "PRE-DOSE for the blood tests before a dose; empty at a consultation (no planned time "
                       "point)"),)),
        _f("contact_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "consultation"), references="contacts"),
    ), parent=Parent("participants", "participant_id"), naming=("dose",)),
    Record("lab_results", QT_TRANSLATE_NOOP("records", "Blood result"), _COMMON + (
        _f("sample_id", Kind.HIDDEN, "", sdtm="LBREFID", odm=Odm("IT.LB.LBREFID"),
           note="the blood sample's id; the CSV's rows of the screening form (NK, IgG) carry the screening's id"),
        _f("analyte", Kind.CODE, QT_TRANSLATE_NOOP("records", "analyte"), vocabulary="analyte", sdtm="LBTESTCD",
           odm=Odm("IT.LB.LBTESTCD"), derived=(
               Derived("LBTESTCD", LBTESTCD, "the CDISC lab test code (LBTESTCD, C65047): the protocol's HB is HGB, "
                                             "PLT is PLAT, LYMPH is LYM, NK is NKCE"),
               Derived("LBTEST", LBTEST, "the CDISC lab test name (LBTEST, C67154)"))),
        _f("entered_value", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "value as entered"), masked=True,
           sdtm="LBORRES", odm=Odm("IT.LB.LBORRES")),
        _f("entered_unit", Kind.CODE, QT_TRANSLATE_NOOP("records", "unit as entered"), vocabulary="unit",
           sdtm="LBORRESU", odm=Odm("IT.LB.LBORRESU")),
        _f("value", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "value (protocol unit)"), masked=True,
           sdtm="LBSTRESN", odm=Odm("IT.LB.LBSTRESN", "float")),
        _f("unit", Kind.CODE, QT_TRANSLATE_NOOP("records", "protocol unit"), vocabulary="unit", sdtm="LBSTRESU",
           odm=Odm("IT.LB.LBSTRESU")),
        _f("flag", Kind.CODE, QT_TRANSLATE_NOOP("records", "flag"), codes=FLAG, masked=True, sdtm="LBNRIND",
           odm=Odm("IT.LB.LBNRIND"), derived=(
               Derived("LBNRIND", {"L": "LOW", "H": "HIGH"},
                       "the reference range indicator (NRIND, C78736) from the flag stored with the result; the CSV "
                       "writes NORMAL when a reference range applied and the result is inside it"),)),
        _f("ctcae_term", Kind.CODE, QT_TRANSLATE_NOOP("records", "CTCAE term"), vocabulary="ctcae_term",
           masked=True, sdtm="LBTOX", odm=Odm("IT.LB.LBTOX")),
        _f("ctcae_grade", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "CTCAE grade"), masked=True, sdtm="LBTOXGR",
           odm=Odm("IT.LB.LBTOXGR", "integer")),
        _f("read_back", Kind.BOOL, QT_TRANSLATE_NOOP("records", "read back"), odm=Odm("IT.LB.READ_BACK", "integer")),
    ), parent=Parent("lab_samples", "sample_id"), naming=("dose", "analyte")),
    Record("administrations", QT_TRANSLATE_NOOP("records", "Injection"), _COMMON + _hidden("dose_visit_id") + (
        _f("kit_number", Kind.TEXT, QT_TRANSLATE_NOOP("records", "kit number"), sdtm="ECREFID",
           odm=Odm("IT.EC.ECREFID")),
        _f("lot", Kind.TEXT, QT_TRANSLATE_NOOP("records", "lot number"), sdtm="ECLOT", odm=Odm("IT.EC.ECLOT")),
        _f("injection_site", Kind.CODE, QT_TRANSLATE_NOOP("records", "injection site"), codes=INJECTION_SITE,
           sdtm="ECLOC", odm=Odm("IT.EC.ECLOC"), derived=(
               Derived("ECLOC", {"abdomen_left": "ABDOMEN", "abdomen_right": "ABDOMEN"},
                       "the body location of the injection site (CDISC LOC)"),
               Derived("ECLAT", {"abdomen_left": "LEFT", "abdomen_right": "RIGHT"},
                       "its side (CDISC LAT)"))),
        _f("started_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "started at"), sdtm="ECSTDTC",
           odm=Odm("IT.EC.ECSTDTC", "datetime")),
        _f("ended_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "ended at"), sdtm="ECENDTC",
           odm=Odm("IT.EC.ECENDTC", "datetime")),
        _f("given_by", Kind.USER, QT_TRANSLATE_NOOP("records", "given by"), references="users",
           odm=Odm("IT.EC.GIVEN_BY")),
        _f("observation_until", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "observe until"),
           odm=Odm("IT.EC.OBSERVATION_UNTIL", "datetime")),
        _f("bp_sys_pre", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "BP systolic before"), unit="mmHg",
           odm=Odm("IT.EC.BP_SYS_PRE", "integer")),
        _f("bp_dia_pre", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "BP diastolic before"), unit="mmHg",
           odm=Odm("IT.EC.BP_DIA_PRE", "integer")),
        _f("pulse_pre", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "pulse before"), unit="/min",
           odm=Odm("IT.EC.PULSE_PRE", "integer")),
        _f("temp_pre", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "temperature before"), unit="°C",
           odm=Odm("IT.EC.TEMP_PRE", "float")),
        _f("bp_sys_post", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "BP systolic after"), unit="mmHg",
           odm=Odm("IT.EC.BP_SYS_POST", "integer")),
        _f("bp_dia_post", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "BP diastolic after"), unit="mmHg",
           odm=Odm("IT.EC.BP_DIA_POST", "integer")),
        _f("pulse_post", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "pulse after"), unit="/min",
           odm=Odm("IT.EC.PULSE_POST", "integer")),
        _f("temp_post", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "temperature after"), unit="°C",
           odm=Odm("IT.EC.TEMP_POST", "float")),
    ), parent=Parent("dose_visits", "dose_visit_id"), naming=("dose",)),
    Record("adverse_events", QT_TRANSLATE_NOOP("records", "Adverse event"), _COMMON + _hidden("participant_id") + (
        _f("reported_visit_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "reported at visit"),
           references="dose_visits", odm=Odm("IT.AE.REPORTED_VISIT_ID")),
        _f("verbatim", Kind.TEXT, QT_TRANSLATE_NOOP("records", "verbatim term"), sdtm="AETERM",
           odm=Odm("IT.AE.AETERM")),
        _f("term", Kind.CODE, QT_TRANSLATE_NOOP("records", "CTCAE term"), vocabulary="ae_term", sdtm="AEDECOD",
           odm=Odm("IT.AE.AEDECOD")),
        _f("other_specify", Kind.TEXT, QT_TRANSLATE_NOOP("records", "other, specify"), sdtm="AEMODIFY",
           odm=Odm("IT.AE.OTHER_SPECIFY")),
        _f("ctcae_version", Kind.TEXT, QT_TRANSLATE_NOOP("records", "CTCAE version"),
           odm=Odm("IT.AE.CTCAE_VERSION")),
        _f("onset_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "onset date"), sdtm="AESTDTC",
           odm=Odm("IT.AE.AESTDTC", "date")),
        _f("end_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "end date"), sdtm="AEENDTC",
           odm=Odm("IT.AE.AEENDTC", "date")),
        _f("grade", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "CTCAE grade"), sdtm="AETOXGR",
           odm=Odm("IT.AE.AETOXGR", "integer")),
        _f("serious", Kind.BOOL, QT_TRANSLATE_NOOP("records", "serious"), sdtm="AESER",
           odm=Odm("IT.AE.AESER", "integer")),
        _f("sae_death", Kind.BOOL, QT_TRANSLATE_NOOP("records", "SAE: results in death"), sdtm="AESDTH",
           odm=Odm("IT.AE.AESDTH", "integer")),
        _f("sae_life_threatening", Kind.BOOL, QT_TRANSLATE_NOOP("records", "SAE: life-threatening"),
           sdtm="AESLIFE", odm=Odm("IT.AE.AESLIFE", "integer")),
        _f("sae_hospitalisation", Kind.BOOL, QT_TRANSLATE_NOOP("records", "SAE: requires or prolongs hospitalisation"), sdtm="AESHOSP",
           odm=Odm("IT.AE.AESHOSP", "integer")),
        _f("sae_disability", Kind.BOOL, QT_TRANSLATE_NOOP("records", "SAE: persistent disability"), sdtm="AESDISAB",
           odm=Odm("IT.AE.AESDISAB", "integer")),
        _f("sae_congenital", Kind.BOOL, QT_TRANSLATE_NOOP("records", "SAE: congenital anomaly / birth defect"),
           sdtm="AESCONG", odm=Odm("IT.AE.AESCONG", "integer")),
        _f("sae_important_medical", Kind.BOOL, QT_TRANSLATE_NOOP("records", "SAE: important medical event"),
           sdtm="AESMIE", odm=Odm("IT.AE.AESMIE", "integer")),
        _f("causality", Kind.CODE, QT_TRANSLATE_NOOP("records", "causality"), codes=CAUSALITY, sdtm="AEREL",
           odm=Odm("IT.AE.AEREL"), derived=(
               Derived("AEREL", AEREL, "the investigator's causality (no CDISC codelist: sponsor terms)"),)),
        _f("action_taken", Kind.CODE, QT_TRANSLATE_NOOP("records", "action with study drug"), codes=ACTION_TAKEN,
           sdtm="AEACN", odm=Odm("IT.AE.AEACN"), derived=(
               Derived("AEACN", AEACN, "the action taken with the study drug (ACN, C66767); a dose delayed or not "
                                       "given is DRUG INTERRUPTED"),)),
        _f("outcome", Kind.CODE, QT_TRANSLATE_NOOP("records", "outcome"), codes=OUTCOME, sdtm="AEOUT",
           odm=Odm("IT.AE.AEOUT"), derived=(Derived("AEOUT", AEOUT, "the outcome (OUT, C66768)"),)),
        _f("aware_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "aware at"), odm=Odm("IT.AE.AWARE_AT", "datetime")),
        _f("sae_reported_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "SAE reported at"),
           odm=Odm("IT.AE.SAE_REPORTED_AT", "datetime")),
        _f("reported_contact_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "reported at contact"),
           references="contacts", odm=Odm("IT.AE.REPORTED_CONTACT_ID")),
    ), parent=Parent("participants", "participant_id"), naming=("number",)),
    Record("contacts", QT_TRANSLATE_NOOP("records", "Contact"), _COMMON + _hidden("participant_id") + (
        _f("visit_code", Kind.TEXT, QT_TRANSLATE_NOOP("records", "visit code"), sdtm="VISIT",
           odm=Odm("IT.CT.VISIT")),
        _f("kind", Kind.CODE, QT_TRANSLATE_NOOP("records", "kind"), codes=VISIT_KIND, odm=Odm("IT.CT.KIND"),
           derived=(Derived("SVCNTMOD", SVCNTMOD, "how the visit was held (C171445)", domain="SV"),)),
        _f("contact_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "contact date"), sdtm="SVSTDTC",
           odm=Odm("IT.CT.SVSTDTC", "date")),
        _f("state", Kind.CODE, QT_TRANSLATE_NOOP("records", "state"), codes=CONTACT_STATE, odm=Odm("IT.CT.STATE"),
           derived=(Derived("SVOCCUR", CONTACT_OCCURRED,
                            "Y for a contact done, N for one missed or not reached (SVREASOC: the reason recorded, "
                            "else the state); a contact still open is not in SV yet", domain="SV"),)),
        _f("missed_reason", Kind.TEXT, QT_TRANSLATE_NOOP("records", "reason missed"), sdtm="SVREASOC",
           odm=Odm("IT.CT.MISSED_REASON")),
        _f("reached", Kind.BOOL, QT_TRANSLATE_NOOP("records", "participant reached"),
           odm=Odm("IT.CT.REACHED", "integer")),
        _f("new_symptoms", Kind.BOOL, QT_TRANSLATE_NOOP("records", "new or worsening symptoms since the last contact"),
           odm=Odm("IT.CT.NEW_SYMPTOMS", "integer")),
        _f("medication_changes", Kind.BOOL, QT_TRANSLATE_NOOP("records", "medication changes"),
           odm=Odm("IT.CT.MEDICATION_CHANGES", "integer")),
        _f("questionnaire_received", Kind.BOOL, QT_TRANSLATE_NOOP("records", "questionnaire form received"),
           odm=Odm("IT.CT.QUESTIONNAIRE_RECEIVED", "integer")),
        _f("exam_done", Kind.BOOL, QT_TRANSLATE_NOOP("records", "physical examination done"),
           odm=Odm("IT.CT.EXAM_DONE", "integer")),
        _f("exam_findings", Kind.TEXT, QT_TRANSLATE_NOOP("records", "physical examination findings"),
           odm=Odm("IT.CT.EXAM_FINDINGS")),
        _f("bp_sys", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "BP systolic"), unit="mmHg",
           odm=Odm("IT.CT.BP_SYS", "integer")),
        _f("bp_dia", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "BP diastolic"), unit="mmHg",
           odm=Odm("IT.CT.BP_DIA", "integer")),
        _f("pulse", Kind.INTEGER, QT_TRANSLATE_NOOP("records", "pulse"), unit="/min",
           odm=Odm("IT.CT.PULSE", "integer")),
        _f("temp", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "temperature"), unit="°C",
           odm=Odm("IT.CT.TEMP", "float")),
        _f("weight_kg", Kind.NUMBER, QT_TRANSLATE_NOOP("records", "weight"), unit="kg",
           odm=Odm("IT.CT.WEIGHT", "float")),
        _f("note", Kind.TEXT, QT_TRANSLATE_NOOP("records", "note"), odm=Odm("IT.CT.NOTE")),
        _f("completion_confirmed", Kind.BOOL, QT_TRANSLATE_NOOP("records", "completion confirmed"),
           odm=Odm("IT.CT.COMPLETION_CONFIRMED", "integer")),
        _f("signature_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "signature"), references="signatures"),
        _f("recorded_by", Kind.USER, QT_TRANSLATE_NOOP("records", "recorded by"), references="users",
           odm=Odm("IT.CT.RECORDED_BY")),
    ), parent=Parent("participants", "participant_id"), naming=("code",)),
    Record("contact_attempts", QT_TRANSLATE_NOOP("records", "Contact attempt"), _COMMON + _hidden("contact_id") + (
        _f("attempted_at", Kind.MOMENT, QT_TRANSLATE_NOOP("records", "attempted at"),
           odm=Odm("IT.CTA.ATTEMPTED_AT", "datetime")),
        _f("outcome", Kind.CODE, QT_TRANSLATE_NOOP("records", "outcome"), codes=ATTEMPT_OUTCOME,
           odm=Odm("IT.CTA.OUTCOME")),
        _f("note", Kind.TEXT, QT_TRANSLATE_NOOP("records", "note"), odm=Odm("IT.CTA.NOTE")),
    ), parent=Parent("contacts", "contact_id"), naming=("code",)),
    Record("dispositions", QT_TRANSLATE_NOOP("records", "Disposition"), _COMMON + _hidden("participant_id") + (
        _f("event", Kind.CODE, QT_TRANSLATE_NOOP("records", "event"), codes=DISPOSITION_EVENT, sdtm="DSDECOD",
           odm=Odm("IT.DS.DSDECOD"), derived=(
               Derived("DSDECOD", DSDECOD, "the standard term (NCOMPLT C66727; PROTMLST C114118 for the first dose, "
                                           "FIRST DOSE being a sponsor term); the study drug discontinued is "
                                           "ADVERSE EVENT when the record names its adverse event, else OTHER"),
               Derived("DSCAT", DSCAT, "PROTOCOL MILESTONE for the first dose, else DISPOSITION EVENT (C74558)"),
               Derived("DSSCAT", DSSCAT, "STUDY TREATMENT for the last dose given and the study drug discontinued, "
                                         "STUDY PARTICIPATION for the others (C170443)"))),
        _f("event_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "date of the event"), sdtm="DSSTDTC",
           odm=Odm("IT.DS.DSSTDTC", "date")),
        _f("reason", Kind.TEXT, QT_TRANSLATE_NOOP("records", "reason"), sdtm="DSTERM", odm=Odm("IT.DS.DSTERM"),
           note="the reason as recorded; COMPLETED where DSDECOD is COMPLETED (SDTMIG DS assumption 3b)"),
        _f("from_status", Kind.CODE, QT_TRANSLATE_NOOP("records", "status before"), codes=STATUS,
           odm=Odm("IT.DS.FROM_STATUS")),
        _f("to_status", Kind.CODE, QT_TRANSLATE_NOOP("records", "status after"), codes=STATUS,
           odm=Odm("IT.DS.TO_STATUS")),
        _f("withdrawal_scope", Kind.CODE, QT_TRANSLATE_NOOP("records", "what the participant still agrees to"),
           codes=WITHDRAWAL_SCOPE, odm=Odm("IT.DS.WITHDRAWAL_SCOPE")),
        _f("adverse_event_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "adverse event"),
           references="adverse_events", odm=Odm("IT.DS.AE_ID")),
        _f("contact_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "contact"), references="contacts"),
        _f("recorded_by", Kind.USER, QT_TRANSLATE_NOOP("records", "recorded by"), references="users",
           odm=Odm("IT.DS.RECORDED_BY")),
    ), parent=Parent("participants", "participant_id"), naming=("number",)),
    Record("concomitant_medications", QT_TRANSLATE_NOOP("records", "Concomitant medication"),
           _COMMON + _hidden("participant_id") + (
        _f("name", Kind.TEXT, QT_TRANSLATE_NOOP("records", "medication"), sdtm="CMTRT", odm=Odm("IT.CM.CMTRT")),
        _f("indication", Kind.TEXT, QT_TRANSLATE_NOOP("records", "indication"), sdtm="CMINDC",
           odm=Odm("IT.CM.CMINDC")),
        _f("dose", Kind.TEXT, QT_TRANSLATE_NOOP("records", "dose"), sdtm="CMDOSTXT", odm=Odm("IT.CM.CMDOSTXT")),
        _f("dose_unit", Kind.TEXT, QT_TRANSLATE_NOOP("records", "dose unit"), sdtm="CMDOSU",
           odm=Odm("IT.CM.CMDOSU")),
        _f("frequency", Kind.TEXT, QT_TRANSLATE_NOOP("records", "frequency"), sdtm="CMDOSFRQ",
           odm=Odm("IT.CM.CMDOSFRQ")),
        _f("route", Kind.CODE, QT_TRANSLATE_NOOP("records", "route"), codes=ROUTE, sdtm="CMROUTE",
           odm=Odm("IT.CM.CMROUTE"), derived=(Derived("CMROUTE", CMROUTE, "the route (ROUTE, C66729)"),)),
        _f("start_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "start date"), sdtm="CMSTDTC",
           odm=Odm("IT.CM.CMSTDTC", "date")),
        _f("stop_date", Kind.DATE, QT_TRANSLATE_NOOP("records", "stop date"), sdtm="CMENDTC",
           odm=Odm("IT.CM.CMENDTC", "date")),
        _f("ongoing", Kind.BOOL, QT_TRANSLATE_NOOP("records", "ongoing"), sdtm="CMENRTPT",
           odm=Odm("IT.CM.ONGOING", "integer"), derived=(
               Derived("CMENRTPT", {True: "ONGOING", False: None},
                       "ONGOING for a medication still taken when it was recorded (STENRF C66728); CMENTPT, the "
                       "reference point, is not exported [VERIFY]"),)),
        _f("adverse_event_id", Kind.REFERENCE, QT_TRANSLATE_NOOP("records", "given for adverse event"),
           references="adverse_events", odm=Odm("IT.CM.AE_ID")),
        _f("forbidden_class", Kind.TEXT, QT_TRANSLATE_NOOP("records", "forbidden by the protocol"),
           odm=Odm("IT.CM.FORBIDDEN_CLASS")),
        _f("forbidden_reason", Kind.TEXT, QT_TRANSLATE_NOOP("records", "investigator's note on the forbidden medication"),
           odm=Odm("IT.CM.FORBIDDEN_REASON")),
    ), parent=Parent("participants", "participant_id"), naming=("number",)),
)

RECORDS: Mapping[str, Record] = MappingProxyType({r.table: r for r in _RECORDS})


def record(table: str) -> Record:
    """The declaration of ``table`` (KeyError for a table that is not a record)."""
    return RECORDS[table]


def field_of(table: str, column: str) -> Field:
    """The declaration of one column."""
    return RECORDS[table].field(column)


def words() -> set[str]:
    """Every English word this registry declares (record and field labels, code words, reader words)."""
    out = {MASKED, HIDDEN_VALUE, EMPTY, NEW_RECORD, PAGES, *YES_NO.values(), *ACTIONS.values(), *EVENTS.values(),
           *DOCUMENTS.values()}
    for rec in RECORDS.values():
        out.add(rec.label)
        for f in rec.fields:
            if f.label:
                out.add(f.label)
            out.update((f.codes or {}).values())
    return out


def sdtm_names(table: str) -> dict[str, str]:
    """column -> CDASH/SDTM variable of the columns of ``table`` that name one (the ODM's SDSVarName)."""
    return {f.column: f.sdtm for f in RECORDS[table].fields if f.sdtm}


def sdtm(table: str, column: str) -> str:
    """The CDASH/SDTM variable of one column (KeyError when it has none)."""
    variable = RECORDS[table].field(column).sdtm
    if variable is None:
        raise KeyError(f"{table}.{column} names no SDTM variable")
    return variable


def csv_fields(table: str, domain: str | None = None) -> tuple[tuple[Field, str, Derived | None], ...]:
    """(field, CSV variable, its derivation or None) of ``table``'s columns in the CSV domain ``domain`` (None:
    every domain), in declaration order: a column's ``derived`` variables where it declares them (those of this
    domain), else its ``sdtm``."""
    out: list[tuple[Field, str, Derived | None]] = []
    for f in RECORDS[table].fields:
        if f.derived:
            out += [(f, d.variable, d) for d in f.derived if domain is None or d.domain in (None, domain)]
        elif f.sdtm:
            out.append((f, f.sdtm, None))
    return tuple(out)


def csv_variables(table: str, domain: str | None = None) -> tuple[str, ...]:
    """The CSV's SDTM variables of ``table``'s columns (in ``domain``; None: every domain), in declaration order."""
    return tuple(dict.fromkeys(variable for _, variable, _ in csv_fields(table, domain)))


__all__ += ["ACTIONS", "DOCUMENTS", "EMPTY", "EVENTS", "HIDDEN_VALUE", "MASKED", "NEW_RECORD", "PAGES",
            "REDACTED_VALUE", "YES_NO", "csv_fields", "csv_variables", "sdtm", "sdtm_names"]
