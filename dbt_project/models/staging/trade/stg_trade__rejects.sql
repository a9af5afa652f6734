with

source as (

    select * from {{ source('trade', 'rejects') }}

),

renamed as (

    select
        source_kind,
        source_file,
        source_sha256,
        position,
        reason,
        snippet,
        _loaded_at as loaded_at

    from source

)

select * from renamed
