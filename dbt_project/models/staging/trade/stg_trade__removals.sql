with

source as (

    select * from {{ source('trade', 'removals') }}

),

renamed as (

    select
        period as trade_month,
        source_file,
        removed_at

    from source

)

select * from renamed
