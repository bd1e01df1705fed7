-- The documents' history is an audit trail too: it names the token subject beside the user name (a user name can be
-- renamed, the subject cannot), and it is append-only like audit_entry. The trigger function is commons'
-- V0_4__audit.sql, which every service applies first (db/commons, lower version).

alter table unit_year_document_history add column changed_by_subject text;

create trigger unit_year_document_history_append_only
    before update or delete on unit_year_document_history
    for each row execute function refuse_change_to_append_only();
create trigger unit_year_document_history_no_truncate
    before truncate on unit_year_document_history
    for each statement execute function refuse_change_to_append_only();
