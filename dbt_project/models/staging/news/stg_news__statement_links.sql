with

source as (

    select * from {{ source('news', 'statement_links') }}

),

renamed as (

    select
        commitment_statement_id,
        reciprocal_statement_id,
        basis,
        agreement,
        confidence

    from source

)

select * from renamed
