"""Exports and site exchange (ODM 1.3.2, CSV, site bundles)."""
