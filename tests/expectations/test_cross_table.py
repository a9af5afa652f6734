"""cross_table_failures: rules joining entries, links and evidence."""

from __future__ import annotations

import pandas as pd

from expectations.cross_table import cross_table_failures


def test_good_tables_have_no_failures(frames: dict[str, pd.DataFrame]) -> None:
    assert cross_table_failures(frames) == []


def test_entry_without_evidence(frames: dict[str, pd.DataFrame]) -> None:
    evidence = frames["evidence"]
    frames["evidence"] = evidence[evidence["entry_id"] != "e4"]
    failures = cross_table_failures(frames)
    assert len(failures) == 1
    assert "no evidence" in failures[0] and "e4" in failures[0]


def test_link_between_entries_of_the_same_actor(frames: dict[str, pd.DataFrame]) -> None:
    # e1 and e3 are both US measures: a link between them buys nothing.
    frames["links"].loc[1, "reciprocal_entry_id"] = "e3"
    failures = cross_table_failures(frames)
    assert failures == ["1 links join two entries of the same actor: l2"]


def test_link_to_missing_entry(frames: dict[str, pd.DataFrame]) -> None:
    frames["links"].loc[0, "commitment_entry_id"] = "e99"
    failures = cross_table_failures(frames)
    assert len(failures) == 1
    assert "commitment_entry_id that is not an entry: l1" in failures[0]


def test_evidence_for_missing_entry(frames: dict[str, pd.DataFrame]) -> None:
    frames["evidence"].loc[0, "entry_id"] = "e99"
    failures = cross_table_failures(frames)
    # e1 loses its only evidence row and e99 is an orphan: both are reported.
    assert any("no evidence: e1" in f for f in failures)
    assert any("reference no entry: e99" in f for f in failures)


def test_missing_table_is_a_failure(frames: dict[str, pd.DataFrame]) -> None:
    del frames["links"]
    assert cross_table_failures(frames) == ["cross-table checks need tables ['links'], not given"]
