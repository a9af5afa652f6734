"""cross_table_failures: the rule joining entries and links that dbt does not test."""

from __future__ import annotations

import pandas as pd

from expectations.cross_table import cross_table_failures


def test_good_tables_have_no_failures(frames: dict[str, pd.DataFrame]) -> None:
    assert cross_table_failures(frames) == []


def test_link_between_entries_of_the_same_actor(frames: dict[str, pd.DataFrame]) -> None:
    # e1 and e3 are both US measures: a link between them buys nothing.
    frames["links"].loc[1, "reciprocal_entry_id"] = "e3"
    failures = cross_table_failures(frames)
    assert failures == ["1 links join two entries of the same actor: l2"]


def test_dangling_link_is_left_to_dbt(frames: dict[str, pd.DataFrame]) -> None:
    # dbt's relationships test on links.commitment_entry_id reports it; no double report.
    frames["links"].loc[0, "commitment_entry_id"] = "e99"
    assert cross_table_failures(frames) == []


def test_missing_table_is_a_failure(frames: dict[str, pd.DataFrame]) -> None:
    del frames["links"]
    assert cross_table_failures(frames) == ["cross-table checks need tables ['links'], not given"]
