-- Every version of each entry's status, rates and dates, from the entries snapshot.
-- valid_to is null for the version that is current in ledger.entries.
with

versions as (

    select * from {{ ref('entries_snapshot') }}

),

final as (

    select
        cast(entry_id as {{ dbt.type_string() }}) as entry_id,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(rate_before_pct as double) as rate_before_pct,
        cast(rate_after_pct as double) as rate_after_pct,
        cast(announced_on as date) as announced_on,
        cast(effective_on as date) as effective_on,
        cast(dbt_valid_from as {{ type_timestamptz() }}) as valid_from,
        cast(dbt_valid_to as {{ type_timestamptz() }}) as valid_to,
        cast(changed_by_run_id as {{ dbt.type_string() }}) as changed_by_run_id

    from versions

)

select * from final
order by entry_id, valid_from
