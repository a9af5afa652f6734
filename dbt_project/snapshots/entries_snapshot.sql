{#-
    History of ledger.entries (SCD type 2). The warehouse tables are rebuilt every run, but a
    snapshot table is only ever merged into, so it keeps the versions of earlier runs.
    The Dagster run id comes in as a var so each new version names the run that produced it.
-#}
{% snapshot entries_snapshot %}

select
    entry_id,
    status,
    rate_before_pct,
    rate_after_pct,
    announced_on,
    effective_on,
    '{{ var("run_id", "manual") }}'::varchar as changed_by_run_id

from {{ ref('entries') }}

{% endsnapshot %}
