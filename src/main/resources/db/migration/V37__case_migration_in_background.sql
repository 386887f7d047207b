-- Case migrations run in the background (module modeling): a run is stored when it starts and fills in as it goes,
-- so the page shows its progress and a node that dies mid-run leaves a run that says so.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

-- RUNNING, DONE or INTERRUPTED (the node stopped, or the run broke off): runs stored before this were done
alter table case_migration_run add column status varchar(12) default 'DONE' not null;
-- how many instances the run set out to move
alter table case_migration_run add column planned integer default 0 not null;
-- the last moment the running node reported progress; a run whose heartbeat is old was left behind by a dead node
alter table case_migration_run add column heartbeat_at timestamp with time zone;

update case_migration_run set planned = succeeded + failed;

-- One run at a time per process, across all nodes: the row is the lock, taken in the same transaction that stores the
-- run and released when it ends. A lock whose run has no recent heartbeat may be taken over.
create table case_migration_lock (
    process_key  varchar(100) primary key,
    run_id       uuid         not null references case_migration_run (id),
    taken_at     timestamp with time zone not null
);
