"""The synthetic trial of tests/printouts, reused for the exports."""

from __future__ import annotations

import pytest

from tests.printouts.trial_data import build_trial


@pytest.fixture
def trial(store, users):
    return build_trial(store, users)
