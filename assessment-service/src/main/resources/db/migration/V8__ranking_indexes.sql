-- Rankings over tens of thousands of unit-years answer from indexes: one per filter, each ordered as the ranking
-- is; an indicator's ranking reads its own index and joins the 50 rows of the page.
alter table indicator_score add column region text, add column level text, add column grade text;
drop index if exists unit_score_ranking;
drop index if exists unit_score_region;
drop index if exists indicator_score_by_code;
create index unit_score_ranking on unit_score (fiscal_year, total desc, unit_code);
create index unit_score_region on unit_score (fiscal_year, region, total desc, unit_code);
create index unit_score_grade on unit_score (fiscal_year, grade, total desc, unit_code);
create index unit_score_level on unit_score (fiscal_year, level, total desc, unit_code);
create index indicator_score_ranking on indicator_score (fiscal_year, code, score desc nulls last, unit_code);
create index indicator_score_region on indicator_score (fiscal_year, code, region, score desc nulls last, unit_code);
