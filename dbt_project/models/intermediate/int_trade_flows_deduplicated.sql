-- The same observation can arrive twice (a file loaded again under another name, an API page
-- fetched twice): keep the most recent load of each reporter, partner, code, flow, month and source.
with

flows as (

    select * from {{ ref('stg_trade__flows') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by reporter, partner, hs_code, flow, trade_month, trade_source
            order by loaded_at desc, source_file desc, record_position
        ) as load_rank

    from flows

)

select * from ranked where load_rank = 1
