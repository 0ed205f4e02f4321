"""CSV export: one long table per domain with CDISC CDASH/SDTM-style variable names (DM, IE, LB, EC, AE).

UTF-8 with a header row, dates and times ISO 8601, decimal point. Rows are plain dicts built by
``services.exports``; no identity data (names, identity numbers, contact details) has a column here.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping

DOMAINS: dict[str, tuple[str, ...]] = {
    "DM": ("STUDYID", "DOMAIN", "USUBJID", "SUBJID", "SITEID", "SEX", "AGE", "AGEU", "RFICDTC", "RFSTDTC",
           "RFENDTC", "DMDTC", "COUNTRY", "ENRLSTAT"),
    "IE": ("STUDYID", "DOMAIN", "USUBJID", "IESEQ", "IETESTCD", "IETEST", "IECAT", "IEORRES", "IESTRESC",
           "IESTAT", "IEEXPL", "IEDTC", "IEVERD", "IEPROTV"),
    "LB": ("STUDYID", "DOMAIN", "USUBJID", "LBSEQ", "LBREFID", "LBTESTCD", "LBTEST", "LBCAT", "LBORRES",
           "LBORRESU", "LBSTRESN", "LBSTRESU", "LBNRIND", "LBTOX", "LBTOXGR", "LBSTAT", "LBREASND", "LBDTC",
           "LBTPT", "VISIT"),
    "EC": ("STUDYID", "DOMAIN", "USUBJID", "ECSEQ", "ECTRT", "ECREFID", "ECLOT", "ECMOOD", "ECOCCUR", "ECROUTE",
           "ECLOC", "ECLAT", "ECSTDTC", "ECENDTC", "VISIT"),
    "AE": ("STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD", "AEMODIFY", "AETOXGR", "AESER",
           "AESDTH", "AESLIFE", "AESHOSP", "AESDISAB", "AESCONG", "AESMIE", "AEREL", "AEACN", "AEOUT", "AESTDTC",
           "AEENDTC", "AEONGO", "AEVISIT"),
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
