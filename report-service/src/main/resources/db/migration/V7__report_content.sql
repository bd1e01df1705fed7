-- What a unit-year's report says now, kept when its content changes (figures, narratives, explanations, the unit),
-- so that a status view reads it instead of assembling the report: the SHA-256 of the internal report, the ERROR
-- findings neither corrected nor explained, and what its scores do not rest on yet.
create table report_content (
    unit_code      text        not null,
    fiscal_year    integer     not null,
    content_hash   text        not null,
    blocking       text[]      not null,
    score_pending  text[]      not null,
    changed_at     timestamptz not null,
    primary key (unit_code, fiscal_year)
);
