-- Issue 13: the day UWV received the 42-week notification (a late one extends wage payment by the delay), and
-- pregnancy and birth leave, which joins the sick periods directly before and after it into one case.
alter table reintegration_case add column uwv_notified_on date;

-- How many days late UWV received the notification, as the deadline engine counted it; only the UWV_NOTIFICATION
-- row holds more than 0. Kept beside the due date so the case page and the API read one truth.
alter table case_deadline add column days_late integer not null default 0;

create table case_leave (
    id           uuid primary key,
    case_id      uuid not null references reintegration_case (id) on delete cascade,
    leave_from   date not null,
    -- the last day of leave
    leave_to     date not null,
    recorded_at  timestamp with time zone not null,
    constraint case_leave_order_ck check (leave_to >= leave_from),
    constraint case_leave_unique unique (case_id, leave_from)
);
