"""tradeledger ingestion."""
