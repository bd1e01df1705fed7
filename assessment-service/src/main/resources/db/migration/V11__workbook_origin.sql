-- How a change came when it was not pushed as JSON: 'workbook sha256:<hex>' for a workbook upload (the file's
-- SHA-256), null for an API push. Adding a column fires no row trigger: the append-only rules stay as they are.
alter table audit_entry add column origin text;
alter table unit_year_document_history add column origin text;
