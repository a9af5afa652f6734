{#-
    The months an incremental build of ledger.trade_monthly rebuilds: those with rows loaded, or
    rows removed by a reload, since the watermark of the last build; every month of raw when
    there is no watermark yet or on a full refresh. The model filters its rows by this list and
    a post-hook records it (trade_monthly__rebuilt), so the uniqueness test reads only the
    months that changed: the others were tested when they were built.
-#}
{% macro trade_monthly_changed_months(model) -%}
    {%- set watermark = adapter.get_relation(
        database=model.database, schema=model.schema, identifier='trade_monthly__watermark'
    ) -%}
    {%- if watermark is none or flags.FULL_REFRESH -%}
        select distinct trade_month from {{ ref('stg_trade__flows') }}
    {%- else -%}
        with watermark as (
            select coalesce(max(loaded_through), {{ timestamp_before_all() }}) as loaded_through
            from {{ watermark }}
        )
        select trade_month
        from {{ ref('stg_trade__flows') }}
        where loaded_at > (select loaded_through from watermark)
        union
        select trade_month
        from {{ ref('stg_trade__removals') }}
        where removed_at > (select loaded_through from watermark)
    {%- endif -%}
{%- endmacro %}

{#- The watermark the next build starts from: the last load or reload the build has seen. -#}
{% macro trade_monthly_watermark() -%}
    select greatest(
        (select max(loaded_at) from {{ ref('stg_trade__flows') }}),
        (select max(removed_at) from {{ ref('stg_trade__removals') }})
    ) as loaded_through
{%- endmacro %}
