-- Ids of the append-only tables are drawn 50 at a time (Hibernate's pooled ids, allocationSize 50), so the rows of a
-- batch are inserted in batched statements instead of one round trip each.
alter sequence outbox_event_id_seq increment by 50;
alter sequence audit_entry_id_seq increment by 50;
alter sequence unit_year_document_history_id_seq increment by 50;
