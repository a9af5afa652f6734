-- One row per entry: the statements that report the same measure, merged.
-- Descriptive fields come from the most confident statement, status from the latest report.
with

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
        list_sort(list_distinct(flatten(list(hs_codes)))) as hs_codes,
        count(distinct duplicate_group)::integer as source_count,
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
        representative.rate_before_pct,
        representative.rate_after_pct,
        aggregated.announced_on,
        aggregated.effective_on,
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

)

select * from merged
