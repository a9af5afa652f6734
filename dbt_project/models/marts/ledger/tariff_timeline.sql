-- Tariff layers in force between two dates, one row per tariff entry that sets a rate.
-- An entry that raises, cuts or pauses a duty to a rate above zero starts a layer at that rate
-- on its effective date (announced date when unknown). A layer ends on the first later date
-- when an entry of the same actor, target and goods changes it: one that starts from the
-- layer's rate (a further increase, a cut, a suspension), or a cut or suspension that starts
-- from a rate no earlier layer had (a total of several layers: it ends those below it) or from
-- an unknown one (it ends them all). Layers that nothing changes stack up and stay open
-- (valid_to null). Threatened and revoked entries were
-- never in force and are left out.
-- The tariff kinds and which of them raise a duty are the registry's (reference.vocab_kinds:
-- family tariff, direction restrictive).
with

entries as (

    select * from {{ ref('entries') }}

),

kinds as (

    select * from {{ ref('vocab_kinds') }}

),

changes as (

    select
        entries.entry_id,
        entries.actor,
        entries.target,
        entries.kind,
        kinds.direction,
        entries.products,
        coalesce(entries.hs_codes, {{ empty_string_array() }}) as hs_codes,
        entries.rate_before_pct,
        entries.rate_after_pct,
        coalesce(entries.effective_on, entries.announced_on) as changed_on

    from entries
    inner join kinds
        on entries.kind = kinds.kind
    where
        kinds.family = 'tariff'
        and entries.status not in ('threatened', 'revoked')
        and coalesce(entries.effective_on, entries.announced_on) is not null

),

layers as (

    select * from changes
    where rate_after_pct > 0

),

-- Whether a change starts from the rate of an earlier layer (then it changes that layer only).
changes_matched as (

    select
        changes.*,
        exists(
            select 1
            from layers as earlier
            where
                earlier.actor = changes.actor
                and earlier.target = changes.target
                and earlier.changed_on < changes.changed_on
                and earlier.rate_after_pct = changes.rate_before_pct
        ) as starts_from_a_layer

    from changes

),

layer_ends as (

    select
        layers.entry_id,
        min(later.changed_on) as valid_to

    from layers
    inner join changes_matched as later
        on
            layers.actor = later.actor
            and layers.target = later.target
            and layers.changed_on < later.changed_on
            -- the later entry concerns the layer's goods: it names none (all goods), or shares
            -- an HS code with the layer
            and (
                {{ array_size('later.hs_codes') }} = 0
                or {{ array_overlaps('later.hs_codes', 'layers.hs_codes') }}
            )
            and (
                layers.rate_after_pct = later.rate_before_pct
                or (
                    later.direction != 'restrictive'
                    and not later.starts_from_a_layer
                    and coalesce(layers.rate_after_pct < later.rate_before_pct, true)
                )
            )
    group by layers.entry_id

),

final as (

    select
        cast(layers.actor as {{ dbt.type_string() }}) as actor,
        cast(layers.target as {{ dbt.type_string() }}) as target,
        cast(layers.products as {{ dbt.type_string() }}) as products,
        cast(layers.hs_codes as {{ type_string_array() }}) as hs_codes,
        cast(layers.rate_after_pct as double) as rate_pct,
        cast(layers.changed_on as date) as valid_from,
        cast(layer_ends.valid_to as date) as valid_to,
        cast(layers.entry_id as {{ dbt.type_string() }}) as entry_id

    from layers
    left join layer_ends on layers.entry_id = layer_ends.entry_id

)

select * from final
