"""Hypothesis over TLE/3LE/OMM fields at their columns: refused with one clean line, or
accepted with finite positions over the game's span, a 3LE that reloads the same, and a
recorded game that verifies (the rule in ``tests/orbit_fuzz.py``; the large campaign is
``tools/fuzz_orbits.py``)."""

import pytest
from hypothesis import HealthCheck, given, settings
from orbit_fuzz import BASES, cases, check_case, omm_cases, tle_cases


@pytest.mark.parametrize("base", BASES, ids=[b[0] for b in BASES])
def test_every_base_set_is_accepted_and_round_trips(base):
    name, l1, l2 = base
    assert check_case(f"{name}\n{l1}\n{l2}\n", record=False) == "accepted"


_FAST = settings(max_examples=150, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_FAST
@given(tle_cases())
def test_fuzz_tle_fields_at_their_columns(text):
    check_case(text, warp=1.0)


@_FAST
@given(omm_cases())
def test_fuzz_omm_fields(text):
    check_case(text, warp=1.0)


@settings(max_examples=100, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cases())
def test_fuzz_mixed(text):
    check_case(text, warp=1.0, record=False)
