-- Statement links lifted to entries: one row per unordered pair of entries, the most
-- confident reading of it kept, so that two reports of one deal give one link.
with

statement_links as (

    select * from {{ ref('stg_news__statement_links') }}

),

statements as (

    select * from {{ ref('int_statements_screened') }}
    where quarantine_rule is null

),

entry_links as (

    select
        commitments.entry_id as commitment_entry_id,
        reciprocals.entry_id as reciprocal_entry_id,
        statement_links.basis,
        statement_links.agreement,
        statement_links.confidence

    from statement_links
    inner join statements as commitments
        on statement_links.commitment_statement_id = commitments.statement_id
    inner join statements as reciprocals
        on statement_links.reciprocal_statement_id = reciprocals.statement_id
    where commitments.entry_id <> reciprocals.entry_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by
                least(commitment_entry_id, reciprocal_entry_id),
                greatest(commitment_entry_id, reciprocal_entry_id)
            order by confidence desc, basis asc, commitment_entry_id asc
        ) as pair_rank

    from entry_links

),

final as (

    select
        cast(
            'l_' || left(md5(commitment_entry_id || '>' || reciprocal_entry_id), 16)
            as {{ dbt.type_string() }}
        ) as link_id,
        cast(commitment_entry_id as {{ dbt.type_string() }}) as commitment_entry_id,
        cast(reciprocal_entry_id as {{ dbt.type_string() }}) as reciprocal_entry_id,
        cast(agreement as {{ dbt.type_string() }}) as agreement,
        cast(basis as {{ dbt.type_string() }}) as basis,
        cast(least(greatest(confidence, 0), 1) as double) as confidence

    from ranked
    where pair_rank = 1

)

select * from final
