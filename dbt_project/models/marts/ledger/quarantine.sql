with

screened as (

    select * from {{ ref('int_statements_screened') }}

),

final as (

    select
        cast(statement_id as {{ dbt.type_string() }}) as statement_id,
        cast(article_id as {{ dbt.type_string() }}) as article_id,
        cast(url as {{ dbt.type_string() }}) as url,
        cast(quarantine_rule as {{ dbt.type_string() }}) as rule,
        cast(actor as {{ dbt.type_string() }}) as actor,
        cast(target as {{ dbt.type_string() }}) as target,
        cast(kind as {{ dbt.type_string() }}) as kind,
        cast(rate_before_pct as double) as rate_before_pct,
        cast(rate_after_pct as double) as rate_after_pct,
        cast(announced_on as date) as announced_on,
        cast(effective_on as date) as effective_on,
        cast(quote as {{ dbt.type_string() }}) as quote

    from screened
    where quarantine_rule is not null

)

select * from final
