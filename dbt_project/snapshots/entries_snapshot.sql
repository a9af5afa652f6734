{#-
    History of ledger.entries (SCD type 2). The warehouse tables are rebuilt every run, but a
    snapshot table is only ever merged into, so it keeps the versions of earlier runs.
    The Dagster run id comes in as LEDGER_RUN_ID (an environment variable, not a --vars value:
    a new var each run would make dbt parse the whole project again) so each new version names
    the run that produced it.
-#}
{% snapshot entries_snapshot %}

select
    entry_id,
    status,
    rate_before_pct,
    rate_after_pct,
    announced_on,
    effective_on,
    cast(
        '{{ env_var("LEDGER_RUN_ID", "manual") }}' as {{ dbt.type_string() }}
    ) as changed_by_run_id

from {{ ref('entries') }}

{% endsnapshot %}
