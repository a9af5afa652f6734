{#-
    Types that dbt's cross-database macros do not cover. For the rest the models use dbt's own:
    dbt.type_string() (text = varchar on DuckDB, string on Spark), dbt.type_int(),
    dbt.type_boolean(). `date` and `double` are written as they are: both engines know them,
    and dbt.type_float() is not a double (a 4-byte float on DuckDB and Spark).
    default__ is DuckDB (the project's engine), spark__ is Spark SQL (docs/spark.md).
-#}

{#- A list of strings: varchar[] on DuckDB, array<string> on Spark. -#}
{% macro type_string_array() -%}
    {{ return(adapter.dispatch('type_string_array', 'tradeledger')()) }}
{%- endmacro %}

{% macro default__type_string_array() -%}
    varchar[]
{%- endmacro %}

{% macro spark__type_string_array() -%}
    array<string>
{%- endmacro %}

{#- An empty list of strings. -#}
{% macro empty_string_array() -%}
    {{ return(adapter.dispatch('empty_string_array', 'tradeledger')()) }}
{%- endmacro %}

{% macro default__empty_string_array() -%}
    []::varchar[]
{%- endmacro %}

{% macro spark__empty_string_array() -%}
    cast(array() as array<string>)
{%- endmacro %}

{#-
    An instant: timestamptz on DuckDB. dbt.type_timestamp() would give DuckDB's published columns
    a plain timestamp; Spark's timestamp is an instant (shown in the session's time zone).
-#}
{% macro type_timestamptz() -%}
    {{ return(adapter.dispatch('type_timestamptz', 'tradeledger')()) }}
{%- endmacro %}

{% macro default__type_timestamptz() -%}
    timestamptz
{%- endmacro %}

{% macro spark__type_timestamptz() -%}
    timestamp
{%- endmacro %}

{#- An instant before every other, for a watermark that has never been set. -#}
{% macro timestamp_before_all() -%}
    {{ return(adapter.dispatch('timestamp_before_all', 'tradeledger')()) }}
{%- endmacro %}

{% macro default__timestamp_before_all() -%}
    '-infinity'::timestamptz
{%- endmacro %}

{% macro spark__timestamp_before_all() -%}
    timestamp '0001-01-01 00:00:00'
{%- endmacro %}
