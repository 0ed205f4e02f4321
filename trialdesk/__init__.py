"""TrialDesk: the desk tool for the KTS-11 trial (screening, injection visits, printouts)."""

__version__ = "0.1.0"
