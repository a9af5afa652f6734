-- For each entry whose goods can be observed in trade statistics: the monthly series around its
-- effective month, and whether the trade it promises to free up came back.
-- Which kinds are checked, and on which flow, is the registry's (reference.vocab_kinds:
-- checked_against_trade, trade_flow): export-side promises (licences, eased controls) are read
-- from the actor's exports to the target; buying and tariff cuts from the actor's imports from
-- the target.
with

entries as (

    select * from {{ ref('entries') }}

),

kinds as (

    select * from {{ ref('vocab_kinds') }}

),

trade as (

    select * from {{ ref('trade_monthly') }}

),

checkable as (

    select
        entries.entry_id,
        entries.hs_codes,
        entries.actor as reporter,
        entries.target as partner,
        kinds.trade_flow as flow,
        cast(
            {{ dbt.date_trunc('month', 'coalesce(entries.effective_on, entries.announced_on)') }}
            as date
        ) as effective_month

    from entries
    inner join kinds
        on entries.kind = kinds.kind
    where
        {{ array_size('entries.hs_codes') }} > 0
        and kinds.checked_against_trade
        and coalesce(entries.effective_on, entries.announced_on) is not null

),

matched as (

    select
        checkable.entry_id,
        trade.source,
        trade.month,
        sum(trade.quantity) as quantity

    from checkable
    inner join trade
        on
            checkable.reporter = trade.reporter
            and checkable.partner = trade.partner
            and checkable.flow = trade.flow
            -- a declared code matches the lines under it and the heading above it
            and {{ array_size(array_filter(
                'checkable.hs_codes',
                'code',
                starts_with('trade.hs_code', 'code') ~ ' or ' ~ starts_with('code', 'trade.hs_code')
            )) }} > 0
    group by all

),

-- Two sources reporting the same month would double the series: keep the larger reading.
series as (

    select
        entry_id,
        month,
        max(quantity) as quantity

    from matched
    group by all

),

windows as (

    select
        checkable.entry_id,
        count(series.month) filter (
            where series.month >= checkable.effective_month - interval 3 month
            and series.month < checkable.effective_month
        ) as baseline_months,
        avg(series.quantity) filter (
            where series.month >= checkable.effective_month - interval 3 month
            and series.month < checkable.effective_month
        ) as baseline_quantity,
        count(series.month) filter (
            where series.month >= checkable.effective_month
            and series.month < checkable.effective_month + interval 3 month
        ) as after_months,
        avg(series.quantity) filter (
            where series.month >= checkable.effective_month
            and series.month < checkable.effective_month + interval 3 month
        ) as after_quantity

    from checkable
    left join series
        on checkable.entry_id = series.entry_id
    group by checkable.entry_id

),

final as (

    select
        cast(checkable.entry_id as {{ dbt.type_string() }}) as entry_id,
        cast(checkable.hs_codes as {{ type_string_array() }}) as hs_codes,
        cast(checkable.reporter as {{ dbt.type_string() }}) as reporter,
        cast(checkable.partner as {{ dbt.type_string() }}) as partner,
        cast(checkable.flow as {{ dbt.type_string() }}) as flow,
        cast(checkable.effective_month as date) as effective_month,
        cast(windows.baseline_months as {{ dbt.type_int() }}) as baseline_months,
        cast(windows.baseline_quantity as double) as baseline_quantity,
        cast(windows.after_months as {{ dbt.type_int() }}) as after_months,
        cast(windows.after_quantity as double) as after_quantity,
        cast(windows.after_quantity / nullif(windows.baseline_quantity, 0) as double) as ratio,
        cast(case
            when windows.baseline_months = 0 or windows.after_months = 0 then 'no data'
            when
                windows.after_quantity
                >= {{ var('resumed_ratio', 1.5) }} * windows.baseline_quantity
                then 'resumed'
            else 'not yet'
        end as {{ dbt.type_string() }}) as verdict

    from checkable
    inner join windows
        on checkable.entry_id = windows.entry_id

)

select * from final
