-- Unit-years waiting to be scored (io.jixiao.commons.work.WorkQueue): queued in the transaction of the fact, unit or
-- framework that calls for it, worked off in batches by every replica (FOR UPDATE SKIP LOCKED); one row per unit-year,
-- however often it was queued before its turn.
create table pending_work (
    kind        text        not null,
    unit_code   text        not null,
    fiscal_year int         not null,
    cause       text        not null,
    queued_at   timestamptz not null default now(),
    primary key (kind, unit_code, fiscal_year)
);
create index pending_work_by_age on pending_work (kind, queued_at);
