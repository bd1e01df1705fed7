-- This service's read model of the other services' snapshots (DESIGN §3, §4): per kind and unit-year the newest
-- version received, kept whole as JSON with the event it came from. Older or equal versions are ignored.
create table upstream_snapshot (
    kind          text        not null check (kind in ('budget', 'personnel', 'assets', 'scores')),
    unit_code     text        not null,
    fiscal_year   integer     not null,
    version       bigint      not null,
    event_id      uuid        not null,
    source        text,
    actor         text,
    occurred_at   timestamptz not null,
    payload       jsonb       not null,
    applied_at    timestamptz not null,
    primary key (kind, unit_code, fiscal_year)
);
