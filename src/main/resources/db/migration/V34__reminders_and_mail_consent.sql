-- Reminders the employee opts into (module selfservice) and where a notice leads (module notices).
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

-- Where in the app a notice leads: the case page for staff, the employee's own pages for the employee (whom the staff
-- pages refuse). Null for notices stored before this column: they lead to the case page, as they did.
alter table notice add column link varchar(200);

-- An employee's consent to get their notices by e-mail as well (privacy.md: the employee's own consent, revocable at
-- any moment). Staff get the notices of their work at their work address without one; the employee gets none by
-- e-mail without a row here. Withdrawing deletes the row; the audit trail keeps both moments.
create table notice_mail_consent (
    user_id     varchar(64) primary key,
    given_at    timestamp with time zone not null
);

-- The reminders an employee chose: their weekly check-in on a day of their choice, and a notice when a step waits for
-- them. One row per employee account (not per case: the choice is theirs, whichever case is current).
create table reminder_setting (
    user_id          varchar(64) primary key,
    -- ISO day of the week, 1 (Monday) to 7 (Sunday); null: no check-in reminder
    check_in_day     smallint,
    waiting_steps    boolean     not null,
    -- 1, 2, 3, ...: a save must name the version it was based on (a stale one is a 409)
    version          integer     not null,
    updated_at       timestamp with time zone not null,
    constraint reminder_setting_day_ck check (check_in_day between 1 and 7)
);

create index reminder_setting_day_idx on reminder_setting (check_in_day);
