-- Row-level rules: a statement that breaks one is set aside in ledger.quarantine with the rule
-- it broke, and the ledger is published without it. One implausible reading (a 5000% tariff,
-- a date in 1925) should not hold back every other entry; table-level rules still block.
with

statements as (

    select * from {{ ref('int_statements_joined_to_articles') }}

),

screened as (

    select
        *,
        case
            when not {{ full_match('actor', "'[A-Z]{3}'") }} then 'actor_not_iso3'
            when target is not null and not {{ full_match('target', "'[A-Z]{3}'") }}
                then 'target_not_iso3'
            when
                rate_before_pct not between 0 and 1000
                or rate_after_pct not between 0 and 1000
                then 'rate_out_of_range'
            when
                announced_on not between date '2015-01-01' and date '2030-12-31'
                or effective_on not between date '2015-01-01' and date '2030-12-31'
                then 'date_out_of_range'
        end as quarantine_rule

    from statements

)

-- Every statement column passes through, plus the rule; listing them again adds nothing.
select * from screened  -- noqa: AM04
