{#- One readable sentence per entry, built only from its own fields so that it never says more
    than the ledger knows. -#}
{% macro entry_summary() -%}
    concat_ws(
        ' ',
        actor,
        case when is_commitment then 'commits to' else 'announces' end,
        case kind
            when 'tariff_increase' then 'a tariff increase'
            when 'tariff_reduction' then 'a tariff reduction'
            when 'tariff_suspension' then 'a tariff suspension'
            when 'export_control' then 'an export control'
            when 'export_control_relaxation' then 'an easing of export controls'
            when 'license_approval' then 'approving export licences'
            when 'purchase_commitment' then 'purchases'
            when 'visa_policy' then 'a visa measure'
            when 'port_fee' then 'port fees'
            when 'investigation' then 'an investigation'
            else 'a measure'
        end,
        case when target is not null then 'concerning ' || target end,
        case when products is not null then 'on ' || products end,
        case
            when rate_before_pct is not null and rate_after_pct is not null
                then '(' || rate_before_pct::varchar || '% to ' || rate_after_pct::varchar || '%)'
            when rate_after_pct is not null then '(to ' || rate_after_pct::varchar || '%)'
        end,
        case when announced_on is not null then 'announced ' || announced_on::varchar end,
        case when status is not null then '[' || status || ']' end
    ) || '.'
{%- endmacro %}
