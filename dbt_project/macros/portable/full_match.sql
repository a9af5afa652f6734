{#-
    True when the whole of `expr` matches the regular expression `pattern` (a SQL string
    literal, quotes included), not just a part of it. DuckDB has regexp_full_match; Spark SQL
    has no full-match function, so its `rlike` (a search) is anchored at both ends. The pattern
    is wrapped in a non-capturing group so that an alternation stays inside the anchors.
    First portable macro of the Spark spike (docs/spark.md).
-#}
{% macro full_match(expr, pattern) -%}
    {{ return(adapter.dispatch('full_match', 'tradeledger')(expr, pattern)) }}
{%- endmacro %}

{% macro default__full_match(expr, pattern) -%}
    regexp_full_match({{ expr }}, {{ pattern }})
{%- endmacro %}

{% macro spark__full_match(expr, pattern) -%}
    ({{ expr }} rlike concat('^(?:', {{ pattern }}, ')$'))
{%- endmacro %}
