"""Trade-statistics parsers: UN Comtrade v1, US Census International Trade API, China customs.

Public API:

* `parse_trade_file(path) -> ParseResult`: detect the format by content and parse it into
  TRADE_FLOW_SCHEMA records plus rejects (`records_in == len(records) + len(rejects)`).
* `detect_format(path) -> str`.

Plain library: no Dagster imports. Reference code tables live in `reference/` (see `codes`).
"""

from ingestion.trade.detect import detect_format, parse_trade_file

__all__ = ["detect_format", "parse_trade_file"]
