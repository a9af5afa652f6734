{#-
    Lists (DuckDB) and arrays (Spark). Each macro is one function on each engine, so the DuckDB
    SQL reads as it did before the macros. default__ is DuckDB, spark__ is Spark SQL
    (docs/spark.md). Arguments are SQL expressions, as text.
-#}

{#- The number of elements; null for a null list. -#}
{% macro array_size(array) -%}
    {{ return(adapter.dispatch('array_size', 'tradeledger')(array)) }}
{%- endmacro %}

{% macro default__array_size(array) -%}
    len({{ array }})
{%- endmacro %}

{#- size(null) is -1 under spark.sql.legacy.sizeOfNull (ANSI mode off): made null on both. -#}
{% macro spark__array_size(array) -%}
    nullif(size({{ array }}), -1)
{%- endmacro %}

{#-
    The elements for which `predicate` is true; `element` names the element inside the
    predicate (a lambda).
-#}
{% macro array_filter(array, element, predicate) -%}
    {{ return(adapter.dispatch('array_filter', 'tradeledger')(array, element, predicate)) }}
{%- endmacro %}

{% macro default__array_filter(array, element, predicate) -%}
    list_filter({{ array }}, lambda {{ element }}: {{ predicate }})
{%- endmacro %}

{% macro spark__array_filter(array, element, predicate) -%}
    filter({{ array }}, {{ element }} -> {{ predicate }})
{%- endmacro %}

{#- The distinct elements found in both arrays. -#}
{% macro array_intersect(array_1, array_2) -%}
    {{ return(adapter.dispatch('array_intersect', 'tradeledger')(array_1, array_2)) }}
{%- endmacro %}

{% macro default__array_intersect(array_1, array_2) -%}
    list_intersect({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro spark__array_intersect(array_1, array_2) -%}
    array_intersect({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{#- True when the two arrays share an element. -#}
{% macro array_overlaps(array_1, array_2) -%}
    {{ return(adapter.dispatch('array_overlaps', 'tradeledger')(array_1, array_2)) }}
{%- endmacro %}

{% macro default__array_overlaps(array_1, array_2) -%}
    list_has_any({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{% macro spark__array_overlaps(array_1, array_2) -%}
    arrays_overlap({{ array_1 }}, {{ array_2 }})
{%- endmacro %}

{#-
    A string cut at each `separator` (a SQL string literal) into an array of strings. Spark's
    split reads the separator as a regular expression: keep to separators without regex
    metacharacters (', ' is fine).
-#}
{% macro string_to_array(expr, separator) -%}
    {{ return(adapter.dispatch('string_to_array', 'tradeledger')(expr, separator)) }}
{%- endmacro %}

{% macro default__string_to_array(expr, separator) -%}
    string_split({{ expr }}, {{ separator }})
{%- endmacro %}

{% macro spark__string_to_array(expr, separator) -%}
    split({{ expr }}, {{ separator }})
{%- endmacro %}

{#-
    Aggregate: the distinct elements of the group's arrays, in one sorted array. Null arrays and
    null elements are left out (DuckDB's flatten skips null lists and list_distinct drops null
    elements; on Spark collect_list skips null arrays and array_compact drops null elements).
-#}
{% macro array_union_agg(array) -%}
    {{ return(adapter.dispatch('array_union_agg', 'tradeledger')(array)) }}
{%- endmacro %}

{% macro default__array_union_agg(array) -%}
    list_sort(list_distinct(flatten(list({{ array }}))))
{%- endmacro %}

{% macro spark__array_union_agg(array) -%}
    array_sort(array_distinct(array_compact(flatten(collect_list({{ array }})))))
{%- endmacro %}

{#-
    A list of strings from SQL expressions (string literals, as text), for unit test fixtures
    written in SQL: string_array(["'2805'", "'850511'"]).
-#}
{% macro string_array(elements) -%}
    {{ return(adapter.dispatch('string_array', 'tradeledger')(elements)) }}
{%- endmacro %}

{% macro default__string_array(elements) -%}
    [{{ elements | join(', ') }}]
{%- endmacro %}

{% macro spark__string_array(elements) -%}
    cast(array({{ elements | join(', ') }}) as array<string>)
{%- endmacro %}

{#-
    dbt's cast of a unit test fixture's value (format: dict) on Spark. Fixtures write a list in
    DuckDB's text form ('[1201]', '[]', or a YAML list, which dbt passes as ['2805', ...]), which
    DuckDB casts to varchar[]; dbt-spark's cast would paste it unquoted ([1201]), which Spark
    cannot parse. Here such a value becomes array('1201').
    Every other value is cast as dbt-spark does.
-#}
{% macro spark__safe_cast(field, type) -%}
    {%- set is_array = type.lower().startswith('array') -%}
    {%- set text = field.strip().strip("'") if field is string else none -%}
    {%- if is_array and field is not string and field is iterable and field is not mapping -%}
        {%- set elements = field | list -%}
    {%- elif is_array and text is not none and text.startswith('[') and text.endswith(']') -%}
        {%- set elements = text[1:-1].split(',') | map('trim') | reject('equalto', '') | list -%}
    {%- else -%}
        {%- set elements = none -%}
    {%- endif -%}
    {%- if elements is not none -%}
        {%- set items = [] -%}
        {%- for element in elements -%}
            {%- do items.append("'" ~ (element | string).strip("'\"") ~ "'") -%}
        {%- endfor -%}
        cast(array({{ items | join(', ') }}) as {{ type }})
    {%- else -%}
        {%- set field_clean = field.strip('"').strip("'") if (
            cast_from_string_unsupported_for(type) and field is string
        ) else field -%}
        cast({{ field_clean }} as {{ type }})
    {%- endif -%}
{%- endmacro %}
