{#- Strings and dates as text. default__ is DuckDB, spark__ is Spark SQL (docs/spark.md). -#}

{#- True when the string `expr` begins with the string `prefix`. -#}
{% macro starts_with(expr, prefix) -%}
    {{ return(adapter.dispatch('starts_with', 'tradeledger')(expr, prefix)) }}
{%- endmacro %}

{% macro default__starts_with(expr, prefix) -%}
    starts_with({{ expr }}, {{ prefix }})
{%- endmacro %}

{% macro spark__starts_with(expr, prefix) -%}
    startswith({{ expr }}, {{ prefix }})
{%- endmacro %}

{#-
    A date or timestamp as text. `format` is a strftime format as a plain string, not a SQL
    literal ('%Y-%m', '%Y-%m-%d'), so that it can be translated for engines that spell formats
    differently: Spark's date_format takes Java's patterns (yyyy-MM). Only %Y, %m, %d, %H, %M
    and %S are translated; any other directive stops the compilation on Spark.
-#}
{% macro format_date(expr, format) -%}
    {{ return(adapter.dispatch('format_date', 'tradeledger')(expr, format)) }}
{%- endmacro %}

{% macro default__format_date(expr, format) -%}
    strftime({{ expr }}, '{{ format }}')
{%- endmacro %}

{% macro spark__format_date(expr, format) -%}
    {%- set java = namespace(pattern=format) -%}
    {%- for directive, letters in [
        ('%Y', 'yyyy'), ('%m', 'MM'), ('%d', 'dd'), ('%H', 'HH'), ('%M', 'mm'), ('%S', 'ss')
    ] -%}
        {%- set java.pattern = java.pattern | replace(directive, letters) -%}
    {%- endfor -%}
    {%- if '%' in java.pattern or "'" in java.pattern -%}
        {{ exceptions.raise_compiler_error(
            "format_date: cannot translate '" ~ format ~ "' for Spark's date_format"
        ) }}
    {%- endif -%}
    date_format({{ expr }}, '{{ java.pattern }}')
{%- endmacro %}
