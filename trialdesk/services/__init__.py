"""Use cases: permission check -> domain decision -> save + audit in one transaction."""
