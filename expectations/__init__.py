"""tradeledger expectations."""
