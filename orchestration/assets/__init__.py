"""Dagster assets, one module per layer: raw ingestion, dbt models, publication."""
