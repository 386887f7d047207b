-- Contact wishes (journey, part "Ik wil contact"): the employee's wish for contact with their counsellor or company
-- doctor. Self-reports (domain E): the employee's own, seen only by the person it is for, because the employee shared
-- it (consent: their standing sharing choice, or consent for this one wish). The engine holds only the wish's id and
-- whom it is for; the explanation stays here. A wish goes with its case (retention deletes the case row last).
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table contact_wish (
    id                  uuid primary key,
    case_id             uuid         not null references reintegration_case (id) on delete cascade,
    employee_user_id    varchar(64)  not null,
    -- COUNSELLOR or DOCTOR; the person in that role when the wish was made
    contact_with        varchar(20)  not null,
    addressee_user_id   varchar(64),
    -- ANYTIME, CHECK_IN or DOCUMENT
    reason              varchar(20)  not null,
    document_id         uuid,
    note                varchar(500),
    -- STANDING (the employee's sharing choice) or THIS_WISH (consent given with this wish)
    consent             varchar(20)  not null,
    asked_at            timestamp with time zone not null,
    due_on              date         not null,
    process_instance_id varchar(64),
    contacted_at        timestamp with time zone,
    closed_by           varchar(64),
    contact_moment_id   uuid
);

create index contact_wish_case_idx on contact_wish (case_id, contacted_at);
create index contact_wish_addressee_idx on contact_wish (addressee_user_id, contacted_at);
