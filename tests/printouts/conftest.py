"""A store with a realistic synthetic trial, built once per module with the services."""

from __future__ import annotations

import pytest

from tests.printouts.trial_data import build_trial


@pytest.fixture
def trial(store, users):
    return build_trial(store, users)
