with

source as (

    select * from {{ source('trade', 'flows') }}

),

renamed as (

    select
        -- dimensions
        reporter,
        partner,
        hs_code,
        flow,
        source as trade_source,
        -- measures
        quantity,
        quantity_unit,
        net_weight_kg,
        value_usd,
        -- dates
        period as trade_month,
        -- lineage
        record_position,
        _source_file as source_file,
        _source_sha256 as source_sha256,
        _loaded_at as loaded_at

    from source

)

select * from renamed
