-- Rows that lost to another file's row for the same observation with different figures
-- (quantity, net weight or value): one reject each, naming both values and both files, so a
-- revised or preliminary figure never replaces another silently. Identical repeats are not
-- conflicts and are dropped without a reject.
{%- set text = dbt.type_string() %}
with

ranked as (

    select * from {{ ref('int_trade_flows_ranked') }}

),

conflicting as (

    select *

    from ranked
    where
        load_rank > 1
        and (
            quantity is distinct from kept_quantity
            or net_weight_kg is distinct from kept_net_weight_kg
            or value_usd is distinct from kept_value_usd
        )

),

final as (

    select
        'trade' as source_kind,
        source_file,
        source_sha256,
        record_position as position,
        'conflicting figures for '
        || reporter || '-' || partner || ' ' || hs_code || ' ' || flow || ' '
        || {{ format_date('trade_month', '%Y-%m') }} || ' (' || trade_source
        || '): this row has quantity ' || coalesce(cast(quantity as {{ text }}), 'null')
        || ', net_weight_kg ' || coalesce(cast(net_weight_kg as {{ text }}), 'null')
        || ', value_usd ' || coalesce(cast(value_usd as {{ text }}), 'null')
        || '; kept quantity ' || coalesce(cast(kept_quantity as {{ text }}), 'null')
        || ', net_weight_kg ' || coalesce(cast(kept_net_weight_kg as {{ text }}), 'null')
        || ', value_usd ' || coalesce(cast(kept_value_usd as {{ text }}), 'null')
        || ' from ' || kept_source_file
        || ' ' || kept_record_position || ' (the file modified last wins)' as reason,
        reporter || ',' || partner || ',' || hs_code || ',' || flow || ','
        || {{ format_date('trade_month', '%Y-%m') }} || ','
        || coalesce(cast(quantity as {{ text }}), '') || ','
        || coalesce(cast(value_usd as {{ text }}), '') as snippet,
        loaded_at

    from conflicting

)

select * from final
