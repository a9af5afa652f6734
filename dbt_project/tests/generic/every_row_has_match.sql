{#- Fails for every row of the model whose column value has no match in `to.field`
    (for example an entry without evidence). -#}
{% test every_row_has_match(model, column_name, to, field) %}

select model_rows.{{ column_name }}
from {{ model }} as model_rows
left join {{ to }} as other_rows
    on model_rows.{{ column_name }} = other_rows.{{ field }}
where other_rows.{{ field }} is null

{% endtest %}
