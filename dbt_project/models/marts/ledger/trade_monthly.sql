with

flows as (

    select * from {{ ref('int_trade_flows_deduplicated') }}

),

final as (

    select
        reporter::varchar as reporter,
        partner::varchar as partner,
        hs_code::varchar as hs_code,
        flow::varchar as flow,
        trade_month::date as month,
        coalesce(net_weight_kg, quantity)::double as quantity,
        (case when net_weight_kg is not null then 'kg' else quantity_unit end)::varchar as unit,
        value_usd::double as value_usd,
        trade_source::varchar as source

    from flows

)

select * from final
