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
        cast(source_kind as {{ dbt.type_string() }}) as source_kind,
        cast(source_file as {{ dbt.type_string() }}) as source_file,
        cast(source_sha256 as {{ dbt.type_string() }}) as source_sha256,
        cast(position as {{ dbt.type_string() }}) as position,
        cast(reason as {{ dbt.type_string() }}) as reason,
        cast(snippet as {{ dbt.type_string() }}) as snippet,
        cast(loaded_at as {{ type_timestamptz() }}) as loaded_at

    from unioned

)

select * from final
