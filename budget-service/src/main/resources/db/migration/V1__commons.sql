-- Tables every service has: the transactional outbox, the idempotency ledger of consumed events,
-- and the read model of the units register (fed by units.snapshots).

create table outbox_event (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    event_key     text        not null,
    event_type    text        not null,
    payload       text        not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);
-- The relay only ever looks at what is still to be sent.
create index outbox_event_pending on outbox_event (id) where published_at is null;

create table known_unit (
    unit_code     text        primary key,
    name          text        not null,
    region        text,
    level         text,
    parent_code   text,
    active        boolean     not null,
    version       bigint      not null,
    event_id      uuid        not null,
    updated_at    timestamptz not null default now()
);
