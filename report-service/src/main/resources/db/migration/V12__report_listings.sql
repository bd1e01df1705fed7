-- Finance's review queue and the public list read the reports of one year by state, oldest change first.
create index report_workflow_year_status on report_workflow (fiscal_year, status, updated_at, unit_code);
