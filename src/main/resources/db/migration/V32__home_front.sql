-- The home front (domain F): a partner or family member the employee invites, by a link that expires, to an account
-- of its own ("naaste"), with what they may see chosen by the employee and withdrawable at any moment.
-- Self-service owns these tables; rows go with their case (retention of the re-integration file).
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table home_front_invitation (
    id                uuid primary key,
    case_id           uuid         not null references reintegration_case (id) on delete cascade,
    employee_user_id  varchar(64)  not null,
    -- the case file's support contact this invitation made: withdrawing either withdraws both
    contact_id        uuid,
    name              varchar(200) not null,
    relation          varchar(20)  not null,
    email             varchar(254) not null,
    -- SHA-256 of the link's token, hex; the token itself is never stored
    token_hash        varchar(64)  not null,
    invited_at        timestamp with time zone not null,
    expires_at        timestamp with time zone not null,
    accepted_at       timestamp with time zone,
    naaste_user_id    varchar(64),
    withdrawn_at      timestamp with time zone,
    -- what the naaste may see: HomeFrontItem names, comma separated
    items             varchar(200) not null,
    version           integer      not null default 0,
    constraint home_front_invitation_token_uk unique (token_hash)
);

create index home_front_invitation_case_idx on home_front_invitation (case_id);
create index home_front_invitation_naaste_idx on home_front_invitation (naaste_user_id);

-- The naaste's own short check-in about how THEY are doing: theirs, shown to the counsellor only when they share it.
create table home_front_check_in (
    id                      uuid primary key,
    invitation_id           uuid         not null references home_front_invitation (id) on delete cascade,
    case_id                 uuid         not null,
    naaste_user_id          varchar(64)  not null,
    done_at                 timestamp with time zone not null,
    wellbeing               smallint     not null,
    support                 smallint     not null,
    burden                  smallint     not null,
    note                    varchar(500),
    shared_with_counsellor  boolean      not null,
    constraint home_front_check_in_scale_ck check (wellbeing between 1 and 5 and support between 1 and 5
        and burden between 1 and 5)
);

create index home_front_check_in_invitation_idx on home_front_check_in (invitation_id, done_at);
