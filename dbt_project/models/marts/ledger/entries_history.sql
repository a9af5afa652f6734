-- Every version of each entry's status, rates and dates, from the entries snapshot.
-- valid_to is null for the version that is current in ledger.entries.
with

versions as (

    select * from {{ ref('entries_snapshot') }}

),

final as (

    select
        entry_id::varchar as entry_id,
        status::varchar as status,
        rate_before_pct::double as rate_before_pct,
        rate_after_pct::double as rate_after_pct,
        announced_on::date as announced_on,
        effective_on::date as effective_on,
        dbt_valid_from::timestamptz as valid_from,
        dbt_valid_to::timestamptz as valid_to,
        changed_by_run_id::varchar as changed_by_run_id

    from versions

)

select * from final
order by entry_id, valid_from
