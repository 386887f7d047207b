-- Insight's read model, kept by events (module insight): what V38 needs besides its tables to be kept idempotently
-- and rebuilt safely. Shared by H2 and PostgreSQL.

-- Every relapse that joined a case, so a relapse heard twice is counted once (insight_case.relapses is their count):
-- one joined after full recovery is its new sick period's first day; one while still sick is the day it was reported.
create table insight_relapse (
    case_id      uuid not null,
    reported_on  date not null,
    primary key (case_id, reported_on)
);

-- One row: who is rebuilding the read model from scratch and what the last rebuild did. A node claims the rebuild by
-- setting rebuilding_since where it is null (one statement, so two nodes starting at once cannot both claim it); a
-- claim older than the rebuild can take is stale (its node died) and may be taken over.
create table insight_read_model_state (
    id                integer primary key,
    rebuilding_since  timestamp with time zone,
    rebuilt_at        timestamp with time zone,
    cases             integer,
    steps             integer,
    deadlines         integer,
    duration_ms       bigint,
    constraint insight_read_model_state_one_ck check (id = 1)
);

insert into insight_read_model_state (id) values (1);
