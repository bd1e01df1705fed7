-- The narrative sections a unit writes for its report (主要职能, 年度总体目标 …), one document per unit-year,
-- versioned, with every version kept: who changed it, when, from which system.
create table narrative (
    unit_code     text        not null,
    fiscal_year   integer     not null,
    version       bigint      not null,
    body          jsonb       not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    source        text        not null,
    request_id    text,
    primary key (unit_code, fiscal_year)
);

create table narrative_history (
    id            bigserial   primary key,
    unit_code     text        not null,
    fiscal_year   integer     not null,
    version       bigint      not null,
    body          jsonb       not null,
    changed_at    timestamptz not null,
    changed_by    text        not null,
    source        text        not null,
    request_id    text,
    unique (unit_code, fiscal_year, version)
);
