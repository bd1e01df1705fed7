-- Indicator frameworks (versioned data), the facts scores are computed from (each from an event of the owning
-- service), and the computed scores with one row per indicator for queries across units.

create table framework (
    id            text        not null,
    version       integer     not null,
    name          text        not null,
    regions       text        not null,
    from_year     integer     not null,
    to_year       integer     not null,
    priority      integer     not null,
    definition    jsonb       not null,
    loaded_at     timestamptz not null,
    loaded_by     text        not null,
    primary key (id, version)
);

create table fact_snapshot (
    unit_code     text        not null,
    fiscal_year   integer     not null,
    kind          text        not null,
    version       bigint      not null,
    event_id      uuid        not null,
    source        text        not null,
    payload       jsonb       not null,
    received_at   timestamptz not null,
    primary key (unit_code, fiscal_year, kind)
);

create table unit_score (
    unit_code          text          not null,
    fiscal_year        integer       not null,
    framework_id       text          not null,
    framework_version  integer       not null,
    total              numeric(7, 2) not null,
    grade              text,
    declared_total     numeric(7, 2),
    region             text,
    level              text,
    error_findings     integer       not null,
    result             jsonb         not null,
    version            bigint        not null,
    computed_at        timestamptz   not null,
    primary key (unit_code, fiscal_year)
);
create index unit_score_ranking on unit_score (fiscal_year, total desc, unit_code);
create index unit_score_region on unit_score (fiscal_year, region, total desc);

create table indicator_score (
    unit_code     text          not null,
    fiscal_year   integer       not null,
    code          text          not null,
    score         numeric(7, 2),
    actual_value  numeric,
    assessable    boolean       not null,
    primary key (unit_code, fiscal_year, code)
);
create index indicator_score_by_code on indicator_score (fiscal_year, code, score desc);
