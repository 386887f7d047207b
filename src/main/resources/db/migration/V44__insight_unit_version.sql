-- The read model's version per unit: raised with the whole read model's (V43) after every transaction that changed a
-- case of that unit, so a change in one unit leaves the figures every node keeps for the other units as they are.
-- A unit without a row here is read at the whole read model's version.
create table insight_unit_version (
    unit    varchar(120) primary key,
    version bigint       not null
);

insert into insight_unit_version (unit, version) select distinct unit, 0 from insight_case;
