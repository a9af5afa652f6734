{#-
    Regular expressions. `pattern` is a SQL string literal, quotes included. DuckDB's regexes are
    RE2, Spark's are Java's: keep patterns to the syntax both share (classes, counts,
    alternation, no look-around or backreferences).
-#}

{#-
    True when the whole of `expr` matches `pattern`, not just a part of it. DuckDB has
    regexp_full_match; Spark SQL has no full-match function, so its `rlike` (a search) is
    anchored at both ends. The pattern is wrapped in a non-capturing group so that an
    alternation stays inside the anchors.
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

{#- True when `pattern` matches somewhere in `expr` (a search). -#}
{% macro regex_contains(expr, pattern) -%}
    {{ return(adapter.dispatch('regex_contains', 'tradeledger')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regex_contains(expr, pattern) -%}
    regexp_matches({{ expr }}, {{ pattern }})
{%- endmacro %}

{% macro spark__regex_contains(expr, pattern) -%}
    ({{ expr }} rlike {{ pattern }})
{%- endmacro %}
