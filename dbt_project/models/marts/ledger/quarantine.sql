with

screened as (

    select * from {{ ref('int_statements_screened') }}

),

final as (

    select
        statement_id::varchar as statement_id,
        article_id::varchar as article_id,
        url::varchar as url,
        quarantine_rule::varchar as rule,
        actor::varchar as actor,
        target::varchar as target,
        kind::varchar as kind,
        rate_before_pct::double as rate_before_pct,
        rate_after_pct::double as rate_after_pct,
        announced_on::date as announced_on,
        effective_on::date as effective_on,
        quote::varchar as quote

    from screened
    where quarantine_rule is not null

)

select * from final
