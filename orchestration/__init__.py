"""tradeledger orchestration."""
