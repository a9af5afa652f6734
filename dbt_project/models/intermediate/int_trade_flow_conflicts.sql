-- Rows that lost to another file's row for the same observation with different figures
-- (quantity, net weight or value): one reject each, naming both values and both files, so a
-- revised or preliminary figure never replaces another silently. Identical repeats are not
-- conflicts and are dropped without a reject.
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
        || strftime(trade_month, '%Y-%m') || ' (' || trade_source || '): this row has quantity '
        || coalesce(quantity::varchar, 'null') || ', net_weight_kg '
        || coalesce(net_weight_kg::varchar, 'null') || ', value_usd '
        || coalesce(value_usd::varchar, 'null') || '; kept quantity '
        || coalesce(kept_quantity::varchar, 'null') || ', net_weight_kg '
        || coalesce(kept_net_weight_kg::varchar, 'null') || ', value_usd '
        || coalesce(kept_value_usd::varchar, 'null') || ' from ' || kept_source_file
        || ' ' || kept_record_position || ' (the file modified last wins)' as reason,
        reporter || ',' || partner || ',' || hs_code || ',' || flow || ','
        || strftime(trade_month, '%Y-%m') || ',' || coalesce(quantity::varchar, '') || ','
        || coalesce(value_usd::varchar, '') as snippet,
        loaded_at

    from conflicting

)

select * from final
