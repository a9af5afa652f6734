with

statements as (

    select * from {{ ref('int_statements_screened') }}
    where quarantine_rule is null

),

final as (

    select distinct
        entry_id::varchar as entry_id,
        article_id::varchar as article_id,
        url::varchar as url,
        published_on::date as published_on,
        quote::varchar as quote,
        start_char::integer as start_char,
        end_char::integer as end_char

    from statements

)

select * from final
