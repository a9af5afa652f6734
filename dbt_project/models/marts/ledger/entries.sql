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
        cast(entry_id as {{ dbt.type_string() }}) as entry_id,
        cast(actor as {{ dbt.type_string() }}) as actor,
        cast(target as {{ dbt.type_string() }}) as target,
        cast(kind as {{ dbt.type_string() }}) as kind,
        cast(is_commitment as {{ dbt.type_boolean() }}) as is_commitment,
        cast(instrument as {{ dbt.type_string() }}) as instrument,
        cast(products as {{ dbt.type_string() }}) as products,
        cast(
            coalesce(hs_codes, {{ empty_string_array() }}) as {{ type_string_array() }}
        ) as hs_codes,
        cast(rate_before_pct as double) as rate_before_pct,
        cast(rate_after_pct as double) as rate_after_pct,
        cast(announced_on as date) as announced_on,
        cast(effective_on as date) as effective_on,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(agreement as {{ dbt.type_string() }}) as agreement,
        cast(source_count as {{ dbt.type_int() }}) as source_count,
        cast(first_reported_on as date) as first_reported_on,
        cast(last_reported_on as date) as last_reported_on,
        cast({{ entry_summary() }} as {{ dbt.type_string() }}) as summary,
        cast(expires_on as date) as expires_on

    from phrased

)

select * from final
