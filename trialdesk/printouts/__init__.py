"""PDF printouts built with reportlab (no Qt, no SQL)."""
