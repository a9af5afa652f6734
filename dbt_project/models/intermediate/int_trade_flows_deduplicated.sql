-- The same observation can arrive twice (a file loaded again under another name, an API page
-- fetched twice, a revised release): keep the winning row of each reporter, partner, code,
-- flow, month and source (the rule is in int_trade_flows_ranked). Losing rows whose figures
-- differ from the kept ones are published as rejects by int_trade_flow_conflicts.
with

ranked as (

    select * from {{ ref('int_trade_flows_ranked') }}

),

final as (

    select
        reporter,
        partner,
        hs_code,
        flow,
        trade_source,
        quantity,
        quantity_unit,
        net_weight_kg,
        value_usd,
        trade_month,
        record_position,
        source_file,
        loaded_at

    from ranked
    where load_rank = 1

)

select * from final
