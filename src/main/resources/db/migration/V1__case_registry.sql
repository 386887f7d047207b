-- The case registry: who is off sick, since when, and where the journey stands.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table employee (
    id                    uuid primary key,
    personnel_number      varchar(20)  not null unique,
    display_name          varchar(200) not null,
    -- login id (Camunda/IdP user id); null while the employee has no account
    user_id               varchar(64)  unique,
    unit                  varchar(120) not null,
    team                  varchar(120) not null,
    line_manager_user_id  varchar(64),
    created_at            timestamp with time zone not null
);

create index employee_line_manager_idx on employee (line_manager_user_id);

create sequence case_number_seq start with 1;

create table reintegration_case (
    id                         uuid primary key,
    case_number                varchar(20)  not null unique,
    employee_id                uuid         not null references employee (id),
    status                     varchar(20)  not null,
    phase                      varchar(40)  not null,
    counsellor_user_id         varchar(64),
    company_doctor_user_id     varchar(64),
    work_capacity_pct          integer      not null default 0,
    voluntary_extension_weeks  integer      not null default 0,
    wage_sanction_weeks        integer      not null default 0,
    next_deadline_milestone    varchar(40),
    next_deadline_on           date,
    overdue                    boolean      not null default false,
    -- optimistic locking: every update checks and bumps it; a stale write is a 409
    version                    integer      not null default 0,
    opened_at                  timestamp with time zone not null,
    updated_at                 timestamp with time zone not null,
    constraint reintegration_case_capacity_ck check (work_capacity_pct between 0 and 100),
    constraint reintegration_case_extension_ck check (voluntary_extension_weeks between 0 and 52),
    constraint reintegration_case_sanction_ck check (wage_sanction_weeks between 0 and 52)
);

create index reintegration_case_employee_idx on reintegration_case (employee_id);
create index reintegration_case_status_idx on reintegration_case (status, next_deadline_on);
create index reintegration_case_counsellor_idx on reintegration_case (counsellor_user_id);

create table sick_period (
    id            uuid primary key,
    case_id       uuid not null references reintegration_case (id) on delete cascade,
    sick_from     date not null,
    -- first day of full work; null while the period is open
    recovered_on  date,
    constraint sick_period_order_ck check (recovered_on is null or recovered_on > sick_from),
    constraint sick_period_unique unique (case_id, sick_from)
);

create table case_deadline (
    case_id    uuid        not null references reintegration_case (id) on delete cascade,
    milestone  varchar(40) not null,
    -- null when the case closed before reaching it
    due_on     date,
    met_on     date,
    overdue    boolean     not null default false,
    primary key (case_id, milestone)
);
