with

source as (

    select * from {{ source('news', 'statements') }}

),

renamed as (

    select
        -- ids
        statement_id,
        article_id,
        entry_key,
        -- dimensions
        actor,
        target,
        kind,
        is_commitment,
        status,
        instrument,
        products,
        hs_codes,
        agreement,
        -- measures
        rate_before_pct,
        rate_after_pct,
        confidence,
        -- dates
        announced_on,
        effective_on,
        expires_on,
        -- evidence
        quote,
        start_char,
        end_char,
        rules

    from source

)

select * from renamed
