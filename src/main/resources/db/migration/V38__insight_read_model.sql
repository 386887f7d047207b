-- Insight (module insight, privacy domain G): a read model kept by the application's own events (case opened, phase
-- entered, deadline met or missed, step opened and ended, escalation raised, case closed) and rebuilt from the case
-- file and the engine's history when asked. The insight pages read only these tables, never the engine's history per
-- request. No names and no medical data: a case is its id, its unit and team, its counsellor's login id and dates.
-- No foreign keys to the case file: figures about past years outlive the case file's retention (the rows hold nothing
-- that names a person), and a rebuild may run while cases are written.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table insight_case (
    case_id                 uuid primary key,
    unit                    varchar(120) not null,
    team                    varchar(120) not null,
    counsellor_user_id      varchar(64),
    first_sick_day          date         not null,
    opened_on               date         not null,
    -- the day the case closed (after its relapse watch, or at its end); null while open or watching for a relapse
    closed_on               date,
    -- the phase the case is in now (casefile Phase) and since when
    phase                   varchar(40)  not null,
    phase_since             date         not null,
    -- how it ended: OWN_WORK, OTHER_WORK, SPOOR_2, WIA, OTHER; null while open
    outcome                 varchar(20),
    -- first day of a (partial) return to work, and of full work; null until then
    first_return_on         date,
    full_return_on          date,
    -- relapses that joined the case: within the relapse window after full recovery, or while still sick
    relapses                integer      not null default 0,
    -- the intake's routing (decision IntakeRouting): guidance intensity and whether a buddy was recommended
    guidance_intensity      varchar(40),
    buddy_recommended       boolean      not null default false,
    buddy_involved          boolean      not null default false,
    home_front_involved     boolean      not null default false,
    has_agreed_goal         boolean      not null default false,
    -- a relapse-prevention plan the employee shared with the care side (a plan kept private is not counted)
    relapse_plan_shared     boolean      not null default false,
    -- the day of the last completed evaluation (or the plan of action before the first one)
    last_evaluation_on      date,
    -- where the plan of action places the problems (the 4 A's): which of its four fields are filled
    area_content            boolean      not null default false,
    area_relations          boolean      not null default false,
    area_conditions         boolean      not null default false,
    area_terms              boolean      not null default false
);

create index insight_case_unit_idx on insight_case (unit, team);
create index insight_case_counsellor_idx on insight_case (counsellor_user_id);
create index insight_case_opened_idx on insight_case (opened_on);
create index insight_case_closed_idx on insight_case (closed_on);

-- Every stay of a case in a phase: cycle times per phase. A phase entered twice (a relapse) has two rows.
create table insight_phase_stay (
    case_id     uuid        not null,
    phase       varchar(40) not null,
    entered_on  date        not null,
    left_on     date,
    primary key (case_id, phase, entered_on)
);

create index insight_phase_stay_phase_idx on insight_phase_stay (phase, left_on);

-- The legal deadlines of a case (poortwachter Milestone) and how they were met.
create table insight_deadline (
    case_id       uuid        not null,
    milestone     varchar(40) not null,
    due_on        date        not null,
    met_on        date,
    missed        boolean     not null default false,
    -- the highest rung of the escalation ladder reached after a miss (0: none)
    highest_rung  integer     not null default 0,
    primary key (case_id, milestone)
);

create index insight_deadline_due_idx on insight_deadline (milestone, due_on);

-- Every step (user task) of the journey and its called processes: waiting, time spent and lateness per element.
create table insight_step (
    task_id      varchar(64)  primary key,
    case_id      uuid         not null,
    process_key  varchar(255) not null,
    element_id   varchar(255) not null,
    opened_at    timestamp with time zone not null,
    due_on       date,
    ended_at     timestamp with time zone,
    -- true: done; false: ended unfinished (the flow moved on, the case closed); null while open
    completed    boolean
);

create index insight_step_element_idx on insight_step (process_key, element_id, ended_at);
create index insight_step_case_idx on insight_step (case_id);

-- Every escalation raised (rung 1 and up) or warning sent (rung 0) for a watched deadline.
create table insight_escalation (
    case_id    uuid        not null,
    watch      varchar(64) not null,
    rung       integer     not null,
    raised_on  date        not null,
    primary key (case_id, watch, rung, raised_on)
);

create index insight_escalation_raised_idx on insight_escalation (raised_on);

-- The population of a team per month (entered or imported as CSV): the standard absence figures need it.
create table insight_population (
    unit        varchar(120)  not null,
    team        varchar(120)  not null,
    -- the first day of the month (MONTH is a reserved word in H2)
    month_start date          not null,
    headcount   integer       not null,
    -- the team's contracted hours as full-time equivalents (part-time weighting of the absence percentage)
    fte         numeric(9, 2) not null,
    primary key (unit, team, month_start),
    constraint insight_population_headcount_ck check (headcount >= 0),
    constraint insight_population_fte_ck check (fte >= 0)
);
