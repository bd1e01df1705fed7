-- The audit trail (审计留痕, DESIGN §9): every write a service accepts, with who (the token subject and the user
-- name), from which system (the OAuth client, azp), which request (the gateway's X-Request-Id), when, and what
-- changed (field-level from/to where there was a previous state, else the new values or a short description).
-- unit_code is null for what belongs to no unit (reference lists, frameworks); fiscal_year is null for what
-- belongs to a unit but no year (the unit's profile).

create table audit_entry (
    id            bigserial   primary key,
    occurred_at   timestamptz not null default now(),
    unit_code     text,
    fiscal_year   integer,
    action        text        not null,
    target        text        not null,
    subject       text,
    username      text        not null,
    client        text,
    request_id    text,
    changes       jsonb       not null
);
-- A unit-year's trail, oldest first, is what finance and the unit read.
create index audit_entry_unit_year on audit_entry (unit_code, fiscal_year, id);

-- Append-only, also for the service's own database user: an UPDATE, DELETE or TRUNCATE of the trail fails.
-- (Shared by every append-only table; db/documents puts it on unit_year_document_history.)
create function refuse_change_to_append_only() returns trigger
    language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege',
              hint = 'an audit record is never changed or removed; record a correction as a new entry';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function refuse_change_to_append_only();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function refuse_change_to_append_only();
