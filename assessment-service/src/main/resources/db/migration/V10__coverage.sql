-- Scores say how much they rest on (DESIGN §7): a unit-year scored below its framework's coverage threshold is
-- INCOMPLETE (待补充), with the points earned so far and no grade. Rankings rank complete evaluations and list the
-- incomplete ones apart, so every ranking index leads with the status.
alter table unit_score add column coverage_percent numeric(5, 2);
alter table unit_score drop constraint unit_score_scored_has_total;
alter table unit_score add constraint unit_score_scored_has_total
    check (status not in ('SCORED', 'INCOMPLETE')
        or (total is not null and framework_id is not null and framework_version is not null));
alter table unit_score add constraint unit_score_incomplete_has_no_grade
    check (status <> 'INCOMPLETE' or grade is null);
drop index if exists unit_score_ranking;
drop index if exists unit_score_region;
drop index if exists unit_score_grade;
drop index if exists unit_score_level;
create index unit_score_ranking on unit_score (fiscal_year, status desc, total desc, unit_code);
create index unit_score_region on unit_score (fiscal_year, region, status desc, total desc, unit_code);
create index unit_score_grade on unit_score (fiscal_year, grade, status desc, total desc, unit_code);
create index unit_score_level on unit_score (fiscal_year, level, status desc, total desc, unit_code);
