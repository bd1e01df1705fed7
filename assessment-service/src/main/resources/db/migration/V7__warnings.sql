-- The most severe monitoring warning (双监控) of a unit-year's latest scoring: RED, YELLOW or null.
alter table unit_score add column warning_level text;
create index unit_score_warnings on unit_score (fiscal_year, warning_level) where warning_level is not null;
