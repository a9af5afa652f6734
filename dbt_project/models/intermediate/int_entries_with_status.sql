-- A measure's status as of the latest news about it: a restriction that a later easing by the
-- same side undoes (a tariff cut starting from its rate, an easing of controls on the same
-- goods) is suspended (when the easing speaks of a suspension or pause) or revoked; otherwise
-- the status of its own latest report stands, and an announced tariff or control whose
-- effective date has passed is implemented (an inquiry or a visa rule stays announced).
-- Which kinds restrict, which undo a restriction and how, and which become implemented are the
-- registry's (reference.vocab_kinds: direction, family, undoes_as, implemented_when_effective).
with

kinds as (

    select * from {{ ref('vocab_kinds') }}

),

merged as (

    select * from {{ ref('int_entries_merged') }}

),

statements as (

    select * from {{ ref('int_statements_screened') }}
    where quarantine_rule is null

),

easing_wording as (

    select
        entry_id,
        bool_or(
            {{ regex_contains('lower(quote)', "'suspen|paus|truce|reprieve'") }}
        ) as says_suspended

    from statements
    group by entry_id

),

restrictions as (

    select
        merged.*,
        kinds.family

    from merged
    inner join kinds
        on merged.kind = kinds.kind
    where kinds.direction = 'restrictive'

),

easings as (

    select
        merged.*,
        kinds.family,
        kinds.undoes_as,
        coalesce(easing_wording.says_suspended, false) as says_suspended

    from merged
    inner join kinds
        on merged.kind = kinds.kind
    left join easing_wording
        on merged.entry_id = easing_wording.entry_id
    where
        kinds.direction = 'easing'
        and kinds.undoes_as is not null
        and merged.status <> 'threatened'

),

undone as (

    select
        restrictions.entry_id,
        -- the earliest later easing that matches decides (ties broken by entry id, so equal
        -- inputs give equal statuses)
        min_by(
            case
                when easings.says_suspended then 'suspended'
                else easings.undoes_as
            end,
            {{ format_date('easings.announced_on', '%Y-%m-%d') }} || easings.entry_id
        ) as later_status

    from restrictions
    inner join easings
        on
            restrictions.actor = easings.actor
            and (
                restrictions.target = easings.target
                or coalesce(easings.target, '') in ('', 'WLD')
            )
            and restrictions.announced_on < easings.announced_on
            -- an easing undoes a restriction of its own family (licences approved under a
            -- control work within it, not against it: they undo nothing)
            and restrictions.family = easings.family
            and (
                -- a tariff cut or pause that starts from this measure's own rate
                (
                    restrictions.family = 'tariff'
                    and abs(restrictions.rate_after_pct - easings.rate_before_pct) <= 1
                )
                -- an easing of controls on the same goods
                or (
                    restrictions.family = 'control'
                    and {{ array_size(array_intersect(
                        string_to_array('restrictions.products', "', '"),
                        string_to_array('easings.products', "', '")
                    )) }} > 0
                )
            )
    where restrictions.status in ('implemented', 'announced')
    group by restrictions.entry_id

),

horizon as (

    select max(last_reported_on) as as_of
    from merged

),

final as (

    select
        merged.entry_id,
        merged.actor,
        merged.target,
        merged.kind,
        merged.is_commitment,
        merged.instrument,
        merged.products,
        merged.hs_codes,
        merged.rate_before_pct,
        merged.rate_after_pct,
        merged.announced_on,
        merged.effective_on,
        merged.expires_on,
        case
            when undone.later_status is not null then undone.later_status
            -- announced to take effect on a day the news has since passed: in force unless
            -- reported otherwise (the ledger's clock is its latest report, not the day it is
            -- built, so the same news always gives the same statuses)
            when
                merged.status = 'announced'
                and merged.effective_on <= horizon.as_of
                and kinds.implemented_when_effective
                then 'implemented'
            else merged.status
        end as status,
        merged.agreement,
        merged.source_count,
        merged.first_reported_on,
        merged.last_reported_on

    from merged
    cross join horizon
    left join undone
        on merged.entry_id = undone.entry_id
    left join kinds
        on merged.kind = kinds.kind

)

select * from final
