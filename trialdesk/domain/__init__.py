"""Pure clinical rules: protocol model, eligibility, schedule, labs, CTCAE, identity numbers (stdlib only)."""
