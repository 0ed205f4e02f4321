"""CSV export: one long table per domain with CDISC SDTM variable names (DM, IE, LB, EC, AE, CM, DS, SV), and a
``readme.txt`` that says how each derived variable is filled.

UTF-8 with a header row, decimal point. Every --DTC is ISO 8601: a date alone where only a date is recorded, else
the Oslo date and time with its UTC offset (``exchange.sdtm.local_dtc``), so an event at 00:30 Oslo time is on its
own day. Coded values are CDISC controlled terminology. Rows are plain dicts built by ``services.exports``; no
identity data (names, identity numbers, contact details) has a column here, nor the treatment arm.

The variables that hold a record's field are the record registry's (``domain/records.py``: a field's ``sdtm``,
or the variables it declares ``derived``, with the controlled terminology they map to); named here are only the
variables of the export itself (study, domain, subject, sequence, VISITNUM, EPOCH, and what the protocol or the
exporter fills in).
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO, Iterable, Mapping, Sequence

from trialdesk.domain import records
from trialdesk.exchange.sdtm import VisitNumber, number_text


def _columns(domain: str, lead: tuple[str, ...], tables: tuple[str, ...], tail: tuple[str, ...]) -> tuple[str, ...]:
    """The export's own ``lead`` variables, then the registry's variables of ``tables`` in ``domain`` (each once),
    then ``tail``."""
    return tuple(dict.fromkeys(lead + tuple(v for table in tables for v in records.csv_variables(table, domain))
                               + tail))


# The records whose fields each domain carries (the rest of its variables are the export's own).
RECORDS_OF: dict[str, tuple[str, ...]] = {
    "LB": ("lab_results", "lab_samples", "dose_visits"),
    "EC": ("administrations", "dose_visits"),
    "AE": ("adverse_events",),
    "CM": ("concomitant_medications", "premedications"),
    "DS": ("dispositions",),
    "SV": ("contacts", "dose_visits"),
}

DOMAINS: dict[str, tuple[str, ...]] = {
    "DM": ("STUDYID", "DOMAIN", "USUBJID", "SUBJID", "SITEID", "SEX", "AGE", "AGEU", "RFICDTC", "RFSTDTC",
           "RFENDTC", "DMDTC", "COUNTRY", "ENRLSTAT"),
    "IE": ("STUDYID", "DOMAIN", "USUBJID", "IESEQ", "IETESTCD", "IETEST", "IECAT", "IEORRES", "IESTRESC",
           "IESTAT", "IEEXPL", "IEDTC", "IEVERD", "IEPROTV"),
    # LBREFID … LBTOXGR (lab_results), LBDTC, LBTPT (lab_samples), VISIT (dose_visits, or the consultation's)
    "LB": _columns("LB", ("STUDYID", "DOMAIN", "USUBJID", "LBSEQ"), RECORDS_OF["LB"],
                   ("VISITNUM", "LBSTRESC", "LBORNRLO", "LBORNRHI", "LBSTNRLO", "LBSTNRHI", "LBCAT", "LBSTAT",
                    "LBREASND")),
    # ECREFID, ECLOT, ECLOC, ECLAT (derived from the injection site), ECSTDTC, ECENDTC; VISIT, ECOCCUR
    "EC": _columns("EC", ("STUDYID", "DOMAIN", "USUBJID", "ECSEQ", "ECTRT", "ECMOOD", "ECROUTE"), RECORDS_OF["EC"],
                   ("VISITNUM", "ECREASOC")),
    # AETERM … AEOUT (adverse_events)
    "AE": _columns("AE", ("STUDYID", "DOMAIN", "USUBJID", "AESEQ"), RECORDS_OF["AE"], ("AEONGO", "AEVISIT")),
    # CMTRT … CMENRTPT (concomitant_medications; premedications: CMTRT, CMSTDTC)
    "CM": _columns("CM", ("STUDYID", "DOMAIN", "USUBJID", "CMSEQ"), RECORDS_OF["CM"], ("CMCAT",)),
    # DSDECOD, DSCAT, DSSCAT, DSSTDTC, DSTERM (dispositions)
    "DS": _columns("DS", ("STUDYID", "DOMAIN", "USUBJID", "DSSEQ"), RECORDS_OF["DS"], ("EPOCH",)),
    # VISIT, SVCNTMOD, SVSTDTC, SVOCCUR, SVREASOC (contacts; dose visits: VISIT, SVSTDTC, SVOCCUR)
    "SV": _columns("SV", ("STUDYID", "DOMAIN", "USUBJID", "VISITNUM"), RECORDS_OF["SV"],
                   ("SVPRESP", "SVENDTC", "EPOCH")),
}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "N"
    return number_text(value)


def to_csv(domain: str, rows: Iterable[Mapping]) -> bytes:
    """The rows of ``domain`` as CSV (UTF-8, header, ``\\r\\n`` line ends as RFC 4180)."""
    buffer = io.BytesIO()
    write_csv(buffer, domain, rows)
    return buffer.getvalue()


class _Utf8:
    """What csv.writer writes (text) to a binary file, as UTF-8."""

    def __init__(self, out: BinaryIO):
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(text.encode("utf-8"))


def write_csv(out: BinaryIO, domain: str, rows: Iterable[Mapping]) -> None:
    """:func:`to_csv` written to the binary file ``out`` row by row as ``rows`` yields them (issue 15, point 4)."""
    columns = DOMAINS[domain]
    known = set(columns)
    writer = csv.writer(_Utf8(out), lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        if not known.issuperset(row):
            raise ValueError(f"{domain} has no column {sorted(set(row) - known)}")
        writer.writerow([value if type(value) is str else _text(value) for value in map(row.get, columns)])


def file_name(domain: str) -> str:
    return f"{domain.lower()}.csv"


# What the export's own variables hold (the registry's derived variables say it themselves).
OWN_VARIABLES = {
    "USUBJID": "the study id (KTS11-H-001); SUBJID is the same",
    "VISITNUM": "the visit's number in the protocol's calendar (table below); screening is 1",
    "EPOCH": "the epoch the day falls in: SCREENING up to the inclusion day (included), BASELINE from the next "
             "day to the day before the first dose, TREATMENT from the first dose to the last dose given or the "
             "study drug discontinued (both days included), FOLLOW-UP to the end of study (included), "
             "LONG-TERM FOLLOW-UP after it",
    "SVPRESP": "Y: every visit in SV is one the protocol plans",
    "SVENDTC": "the same day as SVSTDTC (each visit is held on one day)",
    "LBSTRESC": "LBSTRESN as text, with the same number formatting",
    "LBORNRLO": "the reference range's low end in the unit the result was entered in (LBORRESU), for the "
                "participant's sex and age on the sampling day; LBORNRHI its high end",
    "LBSTNRLO": "the same range in the protocol's unit (LBSTRESU); LBSTNRHI its high end",
    "LBREASND": "MASKED FOR BLINDED USER: the value is left out for this reader (IgG and NK after the first dose)",
    "ECTRT": "MASKED: the treatment arm is never stored",
    "ECREASOC": "the reason recorded when the dose was recorded as not given",
    "CMCAT": "PREMEDICATION for the premedication before each dose, CONCOMITANT MEDICATION for the others",
    "AEONGO": "Y while the AE has no end date",
}


def readme(study: str, protocol_version: str, visits: Sequence[VisitNumber], domains: Iterable[str]) -> bytes:
    """``readme.txt``: how the files are written, the visit numbers, and every derived variable with the terms it
    maps the stored codes to (from the record registry)."""
    lines = [f"{study} (protocol {protocol_version}): CSV export, one file per SDTM domain.", "",
             ("UTF-8, a header row, decimal point. Study ids only: no names, identity numbers or contact details, "
              "and never the treatment arm (it is not stored)."),
             ("Dates and times (--DTC) are ISO 8601: a date alone where only a date is recorded (a local Oslo "
              "date), else the Oslo date and time to the second with its UTC offset, e.g. "
              "2026-03-02T00:30:00+01:00 (an event at 00:30 Oslo time is on that day)."),
             ("Coded values are CDISC controlled terminology (NCI EVS SDTM Terminology; codelist C-codes below). "
              "Values masked for a blinded reader are left empty (LBREASND says why)."), "",
             "VISIT is the visit code below (SCREENING for the screening visit), VISITNUM its number:", "",
             "VISITNUM  VISIT  label"]
    lines += [f"{v.number:>8}  {v.code}  {v.label}" for v in visits]
    lines += ["", "Variables the export fills itself:"]
    lines += [f"  {name}: {how}" for name, how in OWN_VARIABLES.items()]
    for domain in domains:
        described = []
        for table in RECORDS_OF.get(domain, ()):
            for f, variable, d in records.csv_fields(table, domain):
                if d is not None:
                    terms = "" if d.values is None else "; ".join(
                        f"{_code(k)} = {v if v is not None else '(empty)'}" for k, v in d.values.items())
                    described.append(f"  {variable} ({table}.{f.column}): {d.how}" + (f". {terms}" if terms else ""))
                elif f.note:
                    described.append(f"  {variable} ({table}.{f.column}): {f.note}")
        if described:
            lines += ["", f"{domain}:"] + list(dict.fromkeys(described))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _code(key) -> str:
    return {True: "yes", False: "no"}.get(key, key) if isinstance(key, bool) else str(key)
