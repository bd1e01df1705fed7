-- The report's workflow (draft → submitted → returned / accepted → published), its immutable submitted
-- versions, the unit's explanations of findings, and an audit log of every transition.

create table report_workflow (
    unit_code          text        not null,
    fiscal_year        integer     not null,
    status             text        not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'PUBLISHED')),
    latest_version     integer,
    review_comment     text,
    approval_date      date,
    publication_due    date,
    published_version  integer,
    published_at       timestamptz,
    -- the version of the last report.status event (monotonic per unit-year)
    event_version      bigint      not null default 0,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    primary key (unit_code, fiscal_year)
);
create index report_workflow_due on report_workflow (publication_due) where published_at is null;

-- A submitted version never changes: its content (the internal and the public report model, as the exact JSON text
-- that was hashed) and the SHA-256 of the internal content.
create table report_version (
    unit_code      text        not null,
    fiscal_year    integer     not null,
    number         integer     not null,
    content        text        not null,
    public_content text        not null,
    content_hash   text        not null,
    submitted_at   timestamptz not null,
    submitted_by   text        not null,
    source         text        not null,
    primary key (unit_code, fiscal_year, number)
);

create table finding_explanation (
    unit_code     text        not null,
    fiscal_year   integer     not null,
    rule_id       text        not null,
    explanation   text        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    source        text        not null,
    primary key (unit_code, fiscal_year, rule_id)
);

create table report_workflow_log (
    id            bigserial   primary key,
    unit_code     text        not null,
    fiscal_year   integer     not null,
    action        text        not null,
    status_from   text,
    status_to     text        not null,
    version       integer,
    comment       text,
    actor         text        not null,
    source        text        not null,
    at            timestamptz not null
);
create index report_workflow_log_unit_year on report_workflow_log (unit_code, fiscal_year, id);
