"""Publication: the checked ledger copied into the published file and its Parquet copies,
swapped in atomically (`publish`), and the history a lost warehouse gets back from it.

A plain library (no Dagster import); the asset `published/tradeledger` calls it.
"""
