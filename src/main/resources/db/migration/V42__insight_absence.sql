-- The standard Dutch absence figures (insight.md): absence percentage, reporting frequency, average duration and
-- duration classes. They need each sick period of a case with the share of work the employee did (a period of partial
-- work counts only its incapacity), and the population of each team per month (insight_population, V38).
-- Like the rest of insight's read model: no names, no medical data, no foreign keys. Shared by H2 and PostgreSQL.

-- Every sick period of a case: the first, and each relapse within the relapse window that joined it after recovery.
create table insight_sick_period (
    case_id       uuid not null,
    sick_from     date not null,
    -- the first day of full work; null while the period is open
    recovered_on  date,
    primary key (case_id, sick_from)
);

-- The work capacity recorded from a day on (the last one recorded for a day holds). Within a sick period the employee
-- is fully unfit until the first record in it.
create table insight_work_capacity (
    case_id  uuid    not null,
    from_on  date    not null,
    pct      integer not null,
    primary key (case_id, from_on),
    constraint insight_work_capacity_pct_ck check (pct between 0 and 100)
);

-- Management enters and imports the population of a unit's teams (insight_population, V38): who changed a month last,
-- and per unit a version that every change bumps, so that two people changing one unit at once do not overwrite each
-- other unseen (the second gets a 409 and sees what changed).
alter table insight_population add column changed_by varchar(64);
alter table insight_population add column changed_at timestamp with time zone;

create table insight_population_unit (
    unit        varchar(120) primary key,
    version     integer      not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamp with time zone not null
);
