"""The error a clinical rule raises when its input breaks it (services turn it into a ValidationError)."""

from __future__ import annotations


class RuleViolation(ValueError):
    """Input that breaks a clinical rule.

    ``template`` is English text with ``{name}`` fields filled from ``params`` (the UI translates the
    template before filling it in); ``field`` names the input it belongs to, or None. The message never
    contains clinical data beyond what the person just typed.
    """

    def __init__(self, template: str, *, field: str | None = None, **params: object):
        super().__init__(template.format(**params) if params else template)
        self.template = template
        self.field = field
        self.params = params
