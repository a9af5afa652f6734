-- Incremental by month: a run rebuilds only the months that have rows loaded, or rows removed
-- by a reload, since the last build (the watermark table), so loading one more month costs that
-- month, not all history.
-- delete+insert on `month` (DuckDB) or insert_overwrite of the table's month partitions (Spark)
-- replaces each such month whole, from every source and load; months no longer in raw are
-- deleted (dropped) afterwards, so a full refresh gives the same rows
-- (tests/trade/test_incremental.py). On DuckDB, hooks bound its memory while this model runs
-- (it spills instead), so 20 million rows build in under 4 GB (make bench-trade). On both, the
-- hooks record the rebuilt months (trade_monthly__rebuilt) for the uniqueness test.
{%- set on_spark = target.type == 'spark' -%}
{{
    config(
        materialized='incremental',
        incremental_strategy='insert_overwrite' if on_spark else 'delete+insert',
        partition_by=['month'] if on_spark else none,
        unique_key=none if on_spark else 'month',
        on_schema_change='fail',
        pre_hook=[] if on_spark else [
            "set preserve_insertion_order = false",
            "set memory_limit = '2GB'",
        ],
        post_hook=([] if on_spark else [
            "reset memory_limit",
            "reset preserve_insertion_order",
        ]) + [
            "{{ delete_where_not_in(
                this, 'month', 'select distinct trade_month from ' ~ ref('stg_trade__flows')
            ) }}",
            "{{ replace_table_as(
                this.schema ~ '.trade_monthly__rebuilt',
                'select distinct trade_month as month from ('
                ~ trade_monthly_changed_months(this) ~ ')'
            ) }}",
            "{{ replace_table_as(
                this.schema ~ '.trade_monthly__watermark', trade_monthly_watermark()
            ) }}",
        ],
    )
}}

{%- set months = none -%}
{%- if is_incremental() and execute -%}
    {%- set months_query -%}
        select distinct {{ format_date('trade_month', '%Y-%m-%d') }}
        from ({{ trade_monthly_changed_months(this) }})
    {%- endset -%}
    {%- set months = run_query(months_query).columns[0].values() | list -%}
{%- endif %}

with

flows as (

    select * from {{ ref('int_trade_flows_deduplicated') }}

),

final as (

    select
        cast(reporter as {{ dbt.type_string() }}) as reporter,
        cast(partner as {{ dbt.type_string() }}) as partner,
        cast(hs_code as {{ dbt.type_string() }}) as hs_code,
        cast(flow as {{ dbt.type_string() }}) as flow,
        cast(trade_month as date) as month,
        cast(coalesce(net_weight_kg, quantity) as double) as quantity,
        cast(
            case when net_weight_kg is not null then 'kg' else quantity_unit end
            as {{ dbt.type_string() }}
        ) as unit,
        cast(value_usd as double) as value_usd,
        cast(trade_source as {{ dbt.type_string() }}) as source

    from flows
    {% if months is not none %}
        -- A literal list (not a subquery) so DuckDB pushes it below the window function of the
        -- deduplication and into the raw scan, skipping other months' row groups.
        where trade_month in (
            {%- for m in months %}date '{{ m }}'{{ ", " if not loop.last }}{% endfor -%}
            {%- if not months %}null{% endif -%}
        )
    {% endif %}

)

select * from final
