with

news_rejects as (

    select * from {{ ref('stg_news__rejects') }}

),

trade_rejects as (

    select * from {{ ref('stg_trade__rejects') }}

),

trade_conflicts as (

    select * from {{ ref('int_trade_flow_conflicts') }}

),

unioned as (

    select * from news_rejects
    union all
    select * from trade_rejects
    union all
    select * from trade_conflicts

),

final as (

    select
        source_kind::varchar as source_kind,
        source_file::varchar as source_file,
        source_sha256::varchar as source_sha256,
        position::varchar as position,
        reason::varchar as reason,
        snippet::varchar as snippet,
        loaded_at::timestamptz as loaded_at

    from unioned

)

select * from final
