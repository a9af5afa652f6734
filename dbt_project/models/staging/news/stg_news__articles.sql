with

source as (

    select * from {{ source('news', 'articles') }}

),

renamed as (

    select
        -- ids
        article_id,
        -- dimensions
        url,
        title,
        language,
        source_format,
        -- text the evidence offsets index into
        text as article_text,
        -- dates
        published_on,
        -- lineage
        record_position,
        _source_file as source_file,
        _source_sha256 as source_sha256,
        _loaded_at as loaded_at

    from source

)

select * from renamed
