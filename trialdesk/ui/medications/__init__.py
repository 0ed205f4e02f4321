"""Concomitant medications: the participant's list, the dialog, the forbidden-medication flag."""
