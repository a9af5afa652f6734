"""The analysts' report: one self-contained HTML page drawn from the published ledger.

A plain library (no Dagster import): the CLI (`tradeledger report`), the Dagster asset
`published/report` and the tests share it. Everything is read from the published file opened
read-only (`queries`); charts are plotly figures (`charts`) and the page (`render`, from
`templates/report.html`) embeds plotly.js once, so it opens without a network.
"""

# The report sits beside the published file it was drawn from.
REPORT_FILE_NAME = "report.html"
