-- The re-integration file: documents with versions and sign-offs, contact moments, goals, the support network and
-- the company doctor's medical notes. Each table belongs to one privacy domain (privacy.md, A-F):
--   A administrative: employee, reintegration_case, sick_period, case_deadline, work_capacity
--   B functional:     the functional_* columns of case_document_version (problem analysis only)
--   C re-integration: case_document (+ versions, sign-offs), contact_moment, goal
--   D medical:        medical_note (the only place a diagnosis may be written)
--   F support:        support_contact
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

-- Retention: administrative data is kept 2 years after employment ends.
alter table employee add column employment_ended_on date;

-- The employee chose to let the counsellor know they would like contact (set by the employee only).
alter table reintegration_case add column wants_contact boolean not null default false;
-- When the case was closed; the re-integration file is kept 2 years after that.
alter table reintegration_case add column closed_at timestamp with time zone;

create table work_capacity (
    id           uuid primary key,
    case_id      uuid        not null references reintegration_case (id) on delete cascade,
    pct          integer     not null,
    from_date    date        not null,
    -- null when the journey recorded it (partial recovery)
    recorded_by  varchar(64),
    recorded_at  timestamp with time zone not null,
    constraint work_capacity_pct_ck check (pct between 0 and 100)
);

create index work_capacity_case_idx on work_capacity (case_id, from_date);

create table case_document (
    id          uuid primary key,
    case_id     uuid        not null references reintegration_case (id) on delete cascade,
    type        varchar(40) not null,
    status      varchar(30) not null,
    title       varchar(200) not null,
    created_by  varchar(64) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    released_at timestamp with time zone,
    -- optimistic locking: every change checks and bumps it; a stale write is a 409
    version     integer     not null default 0
);

create index case_document_case_idx on case_document (case_id, type);

create table case_document_version (
    document_id             uuid         not null references case_document (id) on delete cascade,
    number                  integer      not null,
    content                 varchar(100000) not null,
    -- domain B, problem analysis only: what the company doctor reports to the employer side. Never a diagnosis.
    functional_limitations  varchar(4000),
    remaining_abilities     varchar(4000),
    work_advice             varchar(4000),
    adjustments             varchar(4000),
    expected_duration       varchar(200),
    author_user_id          varchar(64)  not null,
    -- EMPLOYEE when the employee corrected the document during their review
    author_role             varchar(30)  not null,
    created_at              timestamp with time zone not null,
    primary key (document_id, number)
);

create table case_document_signoff (
    document_id     uuid        not null references case_document (id) on delete cascade,
    version_number  integer     not null,
    user_id         varchar(64) not null,
    role            varchar(30) not null,
    signed_at       timestamp with time zone not null,
    primary key (document_id, version_number, user_id)
);

create table contact_moment (
    id              uuid primary key,
    case_id         uuid        not null references reintegration_case (id) on delete cascade,
    happened_at     timestamp with time zone not null,
    author_user_id  varchar(64) not null,
    kind            varchar(30) not null,
    summary         varchar(20000) not null,
    -- visible only to the author's professional circle (and the employee); see ContactMoments
    confidential    boolean     not null default false,
    created_at      timestamp with time zone not null
);

create index contact_moment_case_idx on contact_moment (case_id, happened_at);

create table goal (
    id                       uuid primary key,
    case_id                  uuid         not null references reintegration_case (id) on delete cascade,
    title                    varchar(200) not null,
    description              varchar(4000),
    progress                 integer      not null default 0,
    status                   varchar(20)  not null,
    agreed_with_employee_on  date,
    created_by               varchar(64)  not null,
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    version                  integer      not null default 0,
    constraint goal_progress_ck check (progress between 0 and 100)
);

create index goal_case_idx on goal (case_id);

create table support_contact (
    id                  uuid primary key,
    case_id             uuid         not null references reintegration_case (id) on delete cascade,
    kind                varchar(20)  not null,
    name                varchar(200) not null,
    relation            varchar(200),
    -- the buddy's login, so the buddy can find their own relation
    buddy_user_id       varchar(64),
    consent_given_at    timestamp with time zone not null,
    -- once set, the contact is hidden from everyone but the employee
    consent_revoked_at  timestamp with time zone,
    version             integer      not null default 0
);

create index support_contact_case_idx on support_contact (case_id);
create index support_contact_buddy_idx on support_contact (buddy_user_id);

-- No foreign key to the case: the medical file is kept 20 years, far longer than the administrative case row
-- (2 years after employment ends), so deleting a case must not take the medical notes with it.
create table medical_note (
    id               uuid primary key,
    case_id          uuid         not null,
    author_user_id   varchar(64)  not null,
    noted_at         timestamp with time zone not null,
    text             varchar(20000) not null,
    -- the medical file is kept 20 years after its last change
    last_changed_at  timestamp with time zone not null,
    version          integer      not null default 0
);

create index medical_note_case_idx on medical_note (case_id);
