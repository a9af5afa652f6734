{#- A dbt unit test's input for a registry seed (vocab_kinds, ...) read from the seed's own CSV,
    so that unit tests run on the registry itself rather than on a copy of it:
        given:
          - input: ref('vocab_kinds')
            format: sql
            rows: "{% raw %}{{ vocab_fixture('vocab_kinds') }}{% endraw %}"
    (`raw`: the yml is rendered once when dbt parses it, the fixture when the test runs.)
    Types are DuckDB's reading of the file (true/false columns are booleans). -#}
{% macro vocab_fixture(seed_name) -%}
    {{ return(adapter.dispatch('vocab_fixture', 'tradeledger')(seed_name)) }}
{%- endmacro %}

{% macro default__vocab_fixture(seed_name) -%}
    {%- set project_dir = invocation_args_dict.get('project_dir') or '.' -%}
    select * from read_csv('{{ project_dir }}/seeds/{{ seed_name }}.csv', header = true)
{%- endmacro %}

{#- Spark reads no CSV header with types from SQL: the seed as dbt loaded it (dbt build loads
    the seeds before any unit test of a model that reads them), with the seed's column_types. -#}
{% macro spark__vocab_fixture(seed_name) -%}
    select * from {{ generate_schema_name('reference', none) }}.{{ seed_name }}
{%- endmacro %}
