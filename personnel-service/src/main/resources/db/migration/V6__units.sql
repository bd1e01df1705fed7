-- The units register (单位名录): one row per budget unit, with the version of its last change.
create table unit_profile (
    unit_code    text        primary key,
    name         text        not null,
    region       text,
    level        text,
    parent_code  text,
    active       boolean     not null default true,
    aliases      text        not null default '[]',
    version      bigint      not null,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    source       text        not null
);
