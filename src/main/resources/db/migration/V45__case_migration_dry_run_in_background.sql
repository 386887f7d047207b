-- The dry run of a case migration runs in the background like the move itself (module modeling): at the national
-- count of running journeys it takes minutes, longer than a request may. It is a run of its own kind: stored when it
-- starts, its outcome per case in case_migration_result (succeeded: it would succeed), and what it counted per step
-- in case_migration_count. It holds the process's lock like a move: a dry run beside a move would measure nothing.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

alter table case_migration_run add column dry_run boolean default false not null;

-- What a dry run counted, a chunk at a time (the page sums them): the cases per move of an open step (problem null),
-- or per problem with the activities concerned and the engine's sentence of the first case. Ids, the activities'
-- names from the models, and counts only.
create table case_migration_count (
    run_id         uuid          not null references case_migration_run (id),
    -- CaseMigrations.ProblemKind, null for a move
    problem        varchar(40),
    from_activity  varchar(255),
    from_name      varchar(255),
    to_activity    varchar(255),
    to_name        varchar(255),
    detail         varchar(1000),
    cases          integer       not null
);

create index case_migration_count_run_idx on case_migration_count (run_id);
