{#- Fails for every row whose column value is set and falls before `other` on the same row
    (for example a period that ends before it starts). -#}
{% test not_before(model, column_name, other) %}

select {{ column_name }}, {{ other }}
from {{ model }}
where {{ column_name }} < {{ other }}

{% endtest %}
