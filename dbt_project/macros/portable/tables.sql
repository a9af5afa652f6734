{#-
    Table statements for hooks (ledger.trade_monthly's). DuckDB replaces a table and deletes
    rows in place; Spark's Parquet tables (no Delta jars here, docs/spark.md) do neither, so
    there a table is dropped and created again and a month is a partition to drop.
    default__ is DuckDB, spark__ is Spark SQL.
-#}

{#- A statement that makes `relation` the result of `select_sql`, replacing it if it exists. -#}
{% macro replace_table_as(relation, select_sql) -%}
    {{ return(adapter.dispatch('replace_table_as', 'tradeledger')(relation, select_sql)) }}
{%- endmacro %}

{% macro default__replace_table_as(relation, select_sql) -%}
    create or replace table {{ relation }} as {{ select_sql }}
{%- endmacro %}

{#- Runs the drop when the hook is rendered (the hook itself is one statement). -#}
{% macro spark__replace_table_as(relation, select_sql) -%}
    {%- if execute -%}
        {%- do run_query('drop table if exists ' ~ relation) -%}
    {%- endif -%}
    create table {{ relation }} using parquet as {{ select_sql }}
{%- endmacro %}

{#-
    A statement that removes the rows of `relation` whose `column` (the table's partition
    column on Spark) is not among the values `values_sql` selects.
-#}
{% macro delete_where_not_in(relation, column, values_sql) -%}
    {{ return(adapter.dispatch('delete_where_not_in', 'tradeledger')(relation, column, values_sql)) }}
{%- endmacro %}

{% macro default__delete_where_not_in(relation, column, values_sql) -%}
    delete from {{ relation }} where {{ column }} not in ({{ values_sql }})
{%- endmacro %}

{#- The partitions to drop are found and dropped when the hook is rendered; the statement left
    refreshes Spark's cached file listing of the table. -#}
{% macro spark__delete_where_not_in(relation, column, values_sql) -%}
    {%- if execute -%}
        {%- set gone = run_query(
            'select distinct cast(' ~ column ~ ' as string) from ' ~ relation
            ~ ' where ' ~ column ~ ' not in (' ~ values_sql ~ ')'
        ).columns[0].values() -%}
        {%- for value in gone -%}
            {%- do run_query(
                'alter table ' ~ relation ~ ' drop if exists partition ('
                ~ column ~ " = '" ~ value ~ "')"
            ) -%}
        {%- endfor -%}
    {%- endif -%}
    refresh table {{ relation }}
{%- endmacro %}
