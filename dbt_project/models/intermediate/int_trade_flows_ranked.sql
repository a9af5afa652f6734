-- Every loaded trade row, ranked within its observation (reporter, partner, code, flow, month,
-- source). The rule, the same on a full and an incremental build: the row of the file modified
-- last wins; at equal modification times the later load, then the later file name and the
-- earlier position. File names only break ties between files of one modification time.
with

flows as (

    select * from {{ ref('stg_trade__flows') }}

),

files as (

    select * from {{ ref('stg_trade__files') }}

),

file_times as (

    select
        source_file,
        source_sha256,
        max(modified_at) as modified_at

    from files
    group by source_file, source_sha256

),

flows_with_times as (

    select
        flows.*,
        file_times.modified_at as file_modified_at

    from flows
    left join file_times
        on
            flows.source_file = file_times.source_file
            and flows.source_sha256 = file_times.source_sha256

),

ranked as (

    select
        reporter,
        partner,
        hs_code,
        flow,
        trade_source,
        quantity,
        quantity_unit,
        net_weight_kg,
        value_usd,
        trade_month,
        record_position,
        source_file,
        source_sha256,
        loaded_at,
        file_modified_at,
        row_number() over observation as load_rank,
        first_value(quantity) over observation as kept_quantity,
        first_value(net_weight_kg) over observation as kept_net_weight_kg,
        first_value(value_usd) over observation as kept_value_usd,
        first_value(source_file) over observation as kept_source_file,
        first_value(record_position) over observation as kept_record_position

    from flows_with_times
    window observation as (
        partition by reporter, partner, hs_code, flow, trade_month, trade_source
        order by
            file_modified_at desc nulls last,
            loaded_at desc,
            source_file desc,
            record_position asc
    )

)

select * from ranked
