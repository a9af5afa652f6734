"""Access to the published file for BI tools (plain library: no Dagster import)."""
