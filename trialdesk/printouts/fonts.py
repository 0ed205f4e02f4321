"""Embedded fonts for every printout: DejaVu covers æøå and ≥ µ × ⁹ (shipped in resources/fonts)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from trialdesk.paths import resource_path

SANS = "TDSans"
SANS_BOLD = "TDSans-Bold"
MONO = "TDMono"


@lru_cache(maxsize=1)
def register() -> None:
    """Register the fonts with reportlab once per process."""
    pdfmetrics.registerFont(TTFont(SANS, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(SANS_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFont(TTFont(MONO, str(resource_path("fonts", "DejaVuSansMono.ttf"))))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, SANS_BOLD)
