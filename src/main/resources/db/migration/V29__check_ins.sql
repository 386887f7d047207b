-- Check-ins (module selfservice): the employee's weekly check-in, domain E (self-reports). The employee owns it; the
-- company doctor or a care professional reads it only while the employee shares it with care; nobody on the employer
-- side reads it. Only the triage level leaves this table (as the journey's variable checkInTriage), never the
-- answers, the score or the note. A check-in goes with its case (on delete cascade, as the retention job deletes).
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table check_in (
    id                 uuid primary key,
    -- made by the employee's device: a check-in sent again (offline, a retry, a double tap) is stored once
    client_id          uuid         not null,
    case_id            uuid         not null references reintegration_case (id) on delete cascade,
    employee_user_id   varchar(64)  not null,
    instrument         varchar(20)  not null,
    -- the answers in the instrument's order, comma-separated (e.g. "3,2,4,1,3")
    answers            varchar(100) not null,
    raw_score          integer      not null,
    score_pct          integer      not null,
    note               varchar(1000),
    triage_level       varchar(10)  not null,
    triage_reason      varchar(40)  not null,
    -- when the employee filled it in (the device's time, within limits), and when it arrived
    taken_at           timestamp with time zone not null,
    received_at        timestamp with time zone not null,
    constraint check_in_client_unique unique (case_id, client_id)
);

create index check_in_case_idx on check_in (case_id, taken_at);
