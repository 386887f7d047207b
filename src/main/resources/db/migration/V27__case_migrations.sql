-- Case migrations (module modeling): a process owner moves running instances of the journey (or its watch) from one
-- deployed version to another. One row per run, one per instance and run with its outcome. Ids and counts only: no
-- case content, the engine's own failure sentence at most.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table case_migration_run (
    id              uuid primary key,
    process_key     varchar(100)  not null,
    source_version  integer       not null,
    target_version  integer       not null,
    -- the process owner's own mappings, source>target separated by ; (equal ids map themselves)
    mappings        varchar(4000) not null,
    -- the run whose failed instances this one tried again, or null
    retry_of        uuid references case_migration_run (id),
    started_by      varchar(64)   not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    succeeded       integer       not null,
    failed          integer       not null
);

create index case_migration_run_started_idx on case_migration_run (started_at);

create table case_migration_result (
    run_id               uuid         not null references case_migration_run (id),
    process_instance_id  varchar(64)  not null,
    -- the business key: the case id
    case_id              varchar(64),
    succeeded            boolean      not null,
    -- CaseMigrations.ProblemKind, null when it succeeded
    problem              varchar(40),
    activity_id          varchar(255),
    detail               varchar(1000),
    primary key (run_id, process_instance_id)
);
