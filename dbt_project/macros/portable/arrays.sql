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
