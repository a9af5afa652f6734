-- Statements of relevant articles, with the article facts that merging and evidence need.
with

statements as (

    select * from {{ ref('stg_news__statements') }}

),

articles as (

    select * from {{ ref('stg_news__articles') }}

),

annotations as (

    select * from {{ ref('stg_news__article_annotations') }}

),

joined as (

    select
        statements.statement_id,
        statements.article_id,
        statements.entry_key,
        'e_' || left(md5(statements.entry_key), 16) as entry_id,
        statements.actor,
        statements.target,
        statements.kind,
        statements.is_commitment,
        statements.status,
        statements.instrument,
        statements.products,
        statements.hs_codes,
        statements.agreement,
        statements.rate_before_pct,
        statements.rate_after_pct,
        statements.confidence,
        statements.announced_on,
        statements.effective_on,
        statements.expires_on,
        statements.quote,
        statements.start_char,
        statements.end_char,
        articles.url,
        articles.published_on,
        -- syndicated copies count once towards source_count
        coalesce(annotations.duplicate_group, statements.article_id) as duplicate_group

    from statements
    inner join articles
        on statements.article_id = articles.article_id
    left join annotations
        on statements.article_id = annotations.article_id
    where coalesce(annotations.is_relevant, true)

)

select * from joined
