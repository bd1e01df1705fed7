-- A unit-year whose facts arrived but that cannot be scored yet (its unit has not arrived from the units register,
-- or no framework applies to its region and year) is held with that status instead of being lost, and scored when
-- the unit or a framework arrives. Rankings, summaries and warnings count scored unit-years only.
alter table unit_score add column status text not null default 'SCORED';
alter table unit_score alter column status drop default;
alter table unit_score alter column framework_id drop not null;
alter table unit_score alter column framework_version drop not null;
alter table unit_score alter column total drop not null;
alter table unit_score add constraint unit_score_scored_has_total
    check (status <> 'SCORED' or (total is not null and framework_id is not null and framework_version is not null));
