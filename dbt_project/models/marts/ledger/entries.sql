with

merged as (

    select * from {{ ref('int_entries_with_status') }}

),

kinds as (

    select * from {{ ref('vocab_kinds') }}

),

phrased as (

    select
        merged.*,
        kinds.summary_phrase as kind_phrase

    from merged
    left join kinds
        on merged.kind = kinds.kind

),

final as (

    select
        entry_id::varchar as entry_id,
        actor::varchar as actor,
        target::varchar as target,
        kind::varchar as kind,
        is_commitment::boolean as is_commitment,
        instrument::varchar as instrument,
        products::varchar as products,
        coalesce(hs_codes, []::varchar[])::varchar[] as hs_codes,
        rate_before_pct::double as rate_before_pct,
        rate_after_pct::double as rate_after_pct,
        announced_on::date as announced_on,
        effective_on::date as effective_on,
        status::varchar as status,
        agreement::varchar as agreement,
        source_count::integer as source_count,
        first_reported_on::date as first_reported_on,
        last_reported_on::date as last_reported_on,
        {{ entry_summary() }}::varchar as summary,
        expires_on::date as expires_on

    from phrased

)

select * from final
