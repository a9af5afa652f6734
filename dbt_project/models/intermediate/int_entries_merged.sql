-- One row per entry: the statements that report the same measure, merged.
-- Descriptive fields come from the most confident statement, rates from the most confident
-- statement that gives one (a report naming no rate says nothing against one that does),
-- status from the latest report. Which kinds take effect when announced is the registry's
-- (reference.vocab_kinds).
with

kinds as (

    select * from {{ ref('vocab_kinds') }}

),

statements as (

    select * from {{ ref('int_statements_screened') }}
    where quarantine_rule is null

),

ranked as (

    select
        *,
        row_number() over (
            partition by entry_id
            order by confidence desc, statement_id asc
        ) as confidence_rank,
        row_number() over (
            partition by entry_id
            order by published_on desc nulls last, confidence desc, statement_id asc
        ) as recency_rank

    from statements

),

representative as (

    select * from ranked
    where confidence_rank = 1

),

rated as (

    select
        entry_id,
        rate_before_pct,
        rate_after_pct,
        row_number() over (
            partition by entry_id
            order by confidence desc, statement_id asc
        ) as rate_rank

    from statements
    where rate_after_pct is not null

),

latest as (

    select
        entry_id,
        status

    from ranked
    where recency_rank = 1

),

aggregated as (

    select
        entry_id,
        min(announced_on) as announced_on,
        min(effective_on) as effective_on,
        -- the latest end any report gives: an extension outlives the first term
        max(expires_on) as expires_on,
        {{ array_union_agg('hs_codes') }} as hs_codes,
        cast(count(distinct duplicate_group) as {{ dbt.type_int() }}) as source_count,
        min(published_on) as first_reported_on,
        max(published_on) as last_reported_on

    from statements
    group by entry_id

),

merged as (

    select
        representative.entry_id,
        representative.actor,
        representative.target,
        representative.kind,
        representative.is_commitment,
        representative.instrument,
        representative.products,
        aggregated.hs_codes,
        rated.rate_before_pct,
        rated.rate_after_pct,
        aggregated.announced_on,
        -- Controls, investigations, visa and port measures take effect when announced unless a
        -- report says otherwise, and so does a tariff reported as already in force; promises
        -- and tariffs still to come carry their own dates or none.
        case
            when aggregated.effective_on is not null then aggregated.effective_on
            when
                kinds.effective_when_announced and not representative.is_commitment
                then aggregated.announced_on
            when
                kinds.family = 'tariff'
                and latest.status = 'implemented'
                then aggregated.announced_on
        end as effective_on,
        aggregated.expires_on,
        latest.status,
        representative.agreement,
        aggregated.source_count,
        aggregated.first_reported_on,
        aggregated.last_reported_on

    from representative
    inner join aggregated
        on representative.entry_id = aggregated.entry_id
    inner join latest
        on representative.entry_id = latest.entry_id
    left join rated
        on
            representative.entry_id = rated.entry_id
            and rated.rate_rank = 1
    left join kinds
        on representative.kind = kinds.kind

)

select * from merged
