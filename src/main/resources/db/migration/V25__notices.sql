-- Notices (module notices): the journey's deadline warnings and escalations for one person. Administrative data
-- (domain A): the title names a step and a date, never health data or the employee's name. A notice goes with its
-- case: the retention job deletes the case row last, and its notices with it.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table notice (
    id                 uuid primary key,
    -- SHA-256 of recipient, case, kind, title and due date: the same notice is stored once
    notice_key         varchar(64)  not null unique,
    recipient_user_id  varchar(64)  not null,
    case_id            uuid         not null references reintegration_case (id) on delete cascade,
    case_number        varchar(20)  not null,
    kind               varchar(20)  not null,
    title              varchar(300) not null,
    due_on             date,
    created_at         timestamp with time zone not null,
    read_at            timestamp with time zone
);

create index notice_recipient_idx on notice (recipient_user_id, read_at, created_at);
create index notice_case_idx on notice (case_id);
