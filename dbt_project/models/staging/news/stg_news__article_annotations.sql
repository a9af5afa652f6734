with

source as (

    select * from {{ source('news', 'article_annotations') }}

),

renamed as (

    select
        article_id,
        duplicate_group,
        is_relevant,
        language,
        statement_count

    from source

)

select * from renamed
