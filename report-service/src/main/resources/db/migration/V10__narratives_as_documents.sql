-- The narratives become unit-year documents of kind 'narratives' in the store every service uses (V8, V9), with
-- their versions and who changed them. The old history has no field-level changes: each version's are the sections
-- that differ from the version before (a JSON null counts as not stated, as the store compares), in the store's form.

insert into unit_year_document (kind, unit_code, fiscal_year, version, body, findings, updated_at, updated_by,
                                source, request_id)
select 'narratives', unit_code, fiscal_year, version, body, '[]'::jsonb, updated_at, updated_by, source, request_id
from narrative;

insert into unit_year_document_history (kind, unit_code, fiscal_year, version, body, findings, changes, changed_at,
                                        changed_by, source, request_id)
select 'narratives', h.unit_code, h.fiscal_year, h.version, h.body, '[]'::jsonb,
       coalesce((select jsonb_agg(jsonb_build_object('path', s.key,
                                                     'oldValue', nullif(p.body -> s.key, 'null'::jsonb),
                                                     'newValue', nullif(h.body -> s.key, 'null'::jsonb)))
                 from (select key from jsonb_object_keys(h.body || coalesce(p.body, '{}'::jsonb)) as key) s
                 where nullif(h.body -> s.key, 'null'::jsonb) is distinct from nullif(p.body -> s.key, 'null'::jsonb)),
                '[]'::jsonb),
       h.changed_at, h.changed_by, h.source, h.request_id
from narrative_history h
left join narrative_history p
       on p.unit_code = h.unit_code and p.fiscal_year = h.fiscal_year and p.version = h.version - 1;

drop table narrative_history;
drop table narrative;
