{#-
    On Spark, the raw layer is the lake's Parquet folders (<home>/lake/raw/<table>/, written by
    the ingestion library: ingestion/lake.py): before a build, each raw source is declared as a
    view over its folder. Spark discovers Hive partition folders by itself, so the view reads a
    flat and a partitioned folder alike, and sees what the last load wrote. DuckDB reads raw from
    its warehouse file: nothing to do there.
-#}
{% macro register_raw_lake() -%}
    {{ return(adapter.dispatch('register_raw_lake', 'tradeledger')()) }}
{%- endmacro %}

{% macro default__register_raw_lake() -%}
{%- endmacro %}

{% macro spark__register_raw_lake() -%}
    {%- if execute -%}
        {%- set lake = env_var('LEDGER_HOME', '../var') ~ '/lake/raw' -%}
        {%- do run_query('create database if not exists raw') -%}
        {%- for source in graph.sources.values() if source.schema == 'raw' -%}
            {%- do run_query(
                'create or replace view ' ~ source.schema ~ '.' ~ source.identifier
                ~ ' as select * from parquet.`' ~ lake ~ '/' ~ source.identifier ~ '`'
            ) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
