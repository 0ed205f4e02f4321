"""CSV export: one long table per domain with CDISC CDASH/SDTM-style variable names (DM, IE, LB, EC, AE).

UTF-8 with a header row, dates and times ISO 8601, decimal point. Rows are plain dicts built by
``services.exports``; no identity data (names, identity numbers, contact details) has a column here.

The variables of LB, EC and AE that hold a record's field are the record registry's (``domain/records.py``:
a field's ``sdtm``, or the variables it declares ``derived``); named here are only the variables of the
export itself (study, domain, subject, sequence, and what the protocol or the exporter fills in).
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping

from trialdesk.domain import records


def _columns(lead: tuple[str, ...], tables: tuple[str, ...], tail: tuple[str, ...]) -> tuple[str, ...]:
    """The export's own ``lead`` variables, then the registry's variables of ``tables``, then ``tail``."""
    return lead + tuple(v for table in tables for v in records.csv_variables(table)) + tail


DOMAINS: dict[str, tuple[str, ...]] = {
    "DM": ("STUDYID", "DOMAIN", "USUBJID", "SUBJID", "SITEID", "SEX", "AGE", "AGEU", "RFICDTC", "RFSTDTC",
           "RFENDTC", "DMDTC", "COUNTRY", "ENRLSTAT"),
    "IE": ("STUDYID", "DOMAIN", "USUBJID", "IESEQ", "IETESTCD", "IETEST", "IECAT", "IEORRES", "IESTRESC",
           "IESTAT", "IEEXPL", "IEDTC", "IEVERD", "IEPROTV"),
    # LBREFID … LBTOXGR (lab_results), LBDTC, LBTPT (lab_samples), VISIT (dose_visits)
    "LB": _columns(("STUDYID", "DOMAIN", "USUBJID", "LBSEQ"), ("lab_results", "lab_samples", "dose_visits"),
                   ("LBTEST", "LBCAT", "LBSTAT", "LBREASND")),
    # ECREFID, ECLOT, ECLOC, ECLAT (derived from the injection site), ECSTDTC, ECENDTC; VISIT
    "EC": _columns(("STUDYID", "DOMAIN", "USUBJID", "ECSEQ", "ECTRT", "ECMOOD", "ECOCCUR", "ECROUTE"),
                   ("administrations", "dose_visits"), ()),
    # AETERM … AEOUT (adverse_events)
    "AE": _columns(("STUDYID", "DOMAIN", "USUBJID", "AESEQ"), ("adverse_events",), ("AEONGO", "AEVISIT")),
}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def to_csv(domain: str, rows: Iterable[Mapping]) -> bytes:
    """The rows of ``domain`` as CSV (UTF-8, header, ``\\r\\n`` line ends as RFC 4180)."""
    columns = DOMAINS[domain]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        unknown = set(row) - set(columns)
        if unknown:
            raise ValueError(f"{domain} has no column {sorted(unknown)}")
        writer.writerow([_text(row.get(c)) for c in columns])
    return buffer.getvalue().encode("utf-8")


def file_name(domain: str) -> str:
    return f"{domain.lower()}.csv"
