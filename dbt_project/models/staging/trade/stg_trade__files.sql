with

source as (

    select * from {{ source('trade', 'files') }}

),

renamed as (

    select
        source_file,
        source_sha256,
        modified_at,
        loaded_at

    from source

)

select * from renamed
