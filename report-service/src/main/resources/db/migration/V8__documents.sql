-- Versioned unit-year documents (a unit's budget, staff or assets for one fiscal year), as pushed, with their
-- reconciliation findings; every version kept with who changed what, when, from where.

create table unit_year_document (
    kind          text        not null,
    unit_code     text        not null,
    fiscal_year   integer     not null,
    version       bigint      not null,
    body          jsonb       not null,
    findings      jsonb       not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    source        text        not null,
    request_id    text,
    primary key (kind, unit_code, fiscal_year)
);

create table unit_year_document_history (
    id            bigserial   primary key,
    kind          text        not null,
    unit_code     text        not null,
    fiscal_year   integer     not null,
    version       bigint      not null,
    body          jsonb       not null,
    findings      jsonb       not null,
    changes       jsonb       not null,
    changed_at    timestamptz not null,
    changed_by    text        not null,
    source        text        not null,
    request_id    text,
    unique (kind, unit_code, fiscal_year, version)
);

-- A push may carry an Idempotency-Key: the same key from the same caller returns the first answer again.
create table idempotency_key (
    principal     text        not null,
    idem_key      text        not null,
    request_hash  text        not null,
    response      jsonb       not null,
    created_at    timestamptz not null default now(),
    primary key (principal, idem_key)
);
