{#- One readable sentence per entry, built only from its own fields so that it never says more
    than the ledger knows: a field that is unknown (null or blank) leaves its phrase out, never
    an empty gap. Example: "USA commits to a tariff reduction concerning CHN, from 145% to 30%,
    announced on 2025-05-12; status: announced." The model joins the kind's phrase as
    `kind_phrase` (reference.vocab_kinds.summary_phrase). -#}
{% macro entry_summary() -%}
    concat_ws(
        ' ',
        actor,
        case when is_commitment then 'commits to' else 'announces' end,
        -- the kind's phrase, from the registry (reference.vocab_kinds.summary_phrase)
        coalesce(nullif(trim(kind_phrase), ''), 'a measure'),
        'concerning ' || nullif(trim(target), ''),
        'on ' || nullif(trim(products), '')
    )
    || coalesce(
        case
            when rate_before_pct is not null and rate_after_pct is not null
                then ', from ' || {{ pct('rate_before_pct') }} || ' to ' || {{ pct('rate_after_pct') }}
            when rate_after_pct is not null then ', to ' || {{ pct('rate_after_pct') }}
        end,
        ''
    )
    || coalesce(', announced on ' || cast(announced_on as {{ dbt.type_string() }}), '')
    || coalesce('; status: ' || nullif(trim(status), ''), '')
    || '.'
{%- endmacro %}

{#- A rate in percent as people write it: 34%, 7.5%. -#}
{% macro pct(column) -%}
    (regexp_replace(cast({{ column }} as {{ dbt.type_string() }}), '\.0$', '') || '%')
{%- endmacro %}
