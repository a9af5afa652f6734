with

statements as (

    select * from {{ ref('int_statements_screened') }}
    where quarantine_rule is null

),

final as (

    select distinct
        cast(entry_id as {{ dbt.type_string() }}) as entry_id,
        cast(article_id as {{ dbt.type_string() }}) as article_id,
        cast(url as {{ dbt.type_string() }}) as url,
        cast(published_on as date) as published_on,
        cast(quote as {{ dbt.type_string() }}) as quote,
        cast(start_char as {{ dbt.type_int() }}) as start_char,
        cast(end_char as {{ dbt.type_int() }}) as end_char

    from statements

)

select * from final
