-- Home tools (module selfservice): the employee's energy balance and relapse-prevention plan, domain E (self-reports:
-- the employee's own, read by the care side only while the employee shares self-reports with it). And goals both
-- ways: the employee proposes goals and updates their progress, both sides comment (domain C, like the goal).
-- Everything goes with its case (on delete cascade): the retention job deletes the case row last.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

-- One row per saved energy balance: a save never overwrites, so the employee can see how it changed.
create table energy_balance (
    id            uuid primary key,
    case_id       uuid          not null references reintegration_case (id) on delete cascade,
    -- 1, 2, 3, ... per case; the next save must name the number it was based on (a stale one is a 409)
    seq           integer       not null,
    reflection    varchar(2000),
    created_by    varchar(64)   not null,
    created_at    timestamp with time zone not null,
    constraint energy_balance_number_uq unique (case_id, seq)
);

create table energy_item (
    balance_id    uuid          not null references energy_balance (id) on delete cascade,
    -- GIVES (draagkracht) or COSTS (draaglast)
    kind          varchar(10)   not null,
    pos           integer       not null,
    body          varchar(200)  not null,
    -- LITTLE, SOME, A_LOT or null: how much, never a score
    amount        varchar(10),
    primary key (balance_id, kind, pos)
);

-- The relapse-prevention plan: one per case, edited in place (version for concurrent edits).
create table relapse_plan (
    case_id             uuid primary key references reintegration_case (id) on delete cascade,
    well_signs          varchar(2000),
    well_actions        varchar(2000),
    early_signals       varchar(2000),
    others_notice       varchar(2000),
    early_actions       varchar(2000),
    crisis_signals      varchar(2000),
    crisis_actions      varchar(2000),
    triggers            varchar(2000),
    own_contacts        varchar(2000),
    call_counsellor     boolean      not null default false,
    call_doctor         boolean      not null default false,
    updated_by          varchar(64)  not null,
    updated_at          timestamp with time zone not null,
    version             integer      not null default 0
);

-- Goals both ways: what success looks like and the date the employee aims for; a goal the employee proposes has
-- status PROPOSED until the counsellor agrees it.
alter table goal add column success varchar(1000);
alter table goal add column target_date date;

create table goal_comment (
    id            uuid primary key,
    goal_id       uuid          not null references goal (id) on delete cascade,
    author        varchar(64)   not null,
    body          varchar(1000) not null,
    created_at    timestamp with time zone not null
);

create index goal_comment_goal_idx on goal_comment (goal_id, created_at);
