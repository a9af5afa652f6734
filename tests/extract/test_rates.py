"""Tariff rates before and after."""

from __future__ import annotations

import pytest

from ingestion.extract.rates import apply_halve_double, find_rates


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("cut the levy on steel pipes from 145% to 30%", (145.0, 30.0)),
        ("lower the duty to 10 percent from 125 percent", (125.0, 10.0)),
        ("raise the tariff on cranes to 60%", (None, 60.0)),
        ("an additional 34% duty on all goods", (0.0, 34.0)),
        ("raised by 50 percentage points to 84%", (34.0, 84.0)),
        (
            "suspend 24 percentage points of the tariff, retaining the remaining 10 percent",
            (34.0, 10.0),
        ),
        ("no rate is named here", (None, None)),
    ],
)
def test_find_rates(clause: str, expected: tuple) -> None:
    assert find_rates(clause) == expected


def test_halve_and_double() -> None:
    clause = "halve the fentanyl duty to 10%"
    assert apply_halve_double(clause, *find_rates(clause)) == (20.0, 10.0)
    clause = "double the levy to 50%"
    assert apply_halve_double(clause, *find_rates(clause)) == (25.0, 50.0)


def test_pc_is_read_as_percent() -> None:
    from ingestion.extract.rates import find_rates

    assert find_rates("Ottawa hits back with 25pc tariffs on US orange juice")[1] == 25.0


@pytest.mark.parametrize(
    "clause",
    [
        "Ottawa will pause 15 points of its 25% surtax, leaving 10 percent",
        "the EU will suspend 15 percentage points of the 25 percent levy for a year",
    ],
)
def test_points_of_a_rate_suspended_leave_the_rest(clause: str) -> None:
    assert find_rates(clause) == (25.0, 10.0)


def test_each_target_keeps_the_rate_named_before_it() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Ankara signed orders imposing 30% duties on imports from Greece and Cyprus and 12% on "
        "goods from Bulgaria, effective Monday.",
        "2025-03-01",
    )
    assert {(s["target"], s["rate_after_pct"]) for s in out} == {
        ("GRC", 30.0),
        ("CYP", 30.0),
        ("BGR", 12.0),
    }


def test_a_quoted_word_between_rate_and_tariff() -> None:
    assert find_rates("the 26% \u201creciprocal\u201d tariff on its goods")[1] == 26.0


def test_a_rate_a_tariff_is_lowered_to_is_the_new_level_not_a_new_layer() -> None:
    from ingestion.extract.rates import find_rates

    assert find_rates(
        "Beijing will lower its tariff on canola to a combined rate of about 15%"
    ) == (
        None,
        15.0,
    )
    # ("subject to a 10% tariff" names a new layer, not a level something goes to)
    assert find_rates("imports of lumber will be subject to a 10% tariff") == (0.0, 10.0)


def test_a_suspension_that_retains_part_of_a_tariff_keeps_that_part() -> None:
    from ingestion.extract.rates import find_rates

    assert find_rates(
        "Ottawa will suspend the additional 24% tariff for a year, retaining 10%"
    ) == (
        34.0,
        10.0,
    )
    assert find_rates("Ottawa will pause the 34% tariff, keeping 10%") == (34.0, 10.0)
