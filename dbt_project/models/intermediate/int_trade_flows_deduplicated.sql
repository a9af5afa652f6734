-- The same observation can arrive twice (a file loaded again under another name, an API page
-- fetched twice): keep the latest load of each reporter, partner, code, flow, month, source.
with

flows as (

    select * from {{ ref('stg_trade__flows') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by reporter, partner, hs_code, flow, trade_month, trade_source
            order by loaded_at desc, source_file desc, record_position asc
        ) as load_rank

    from flows

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
