-- The read model's version: raised after every transaction that changed insight's rows (by the application's events,
-- a population change, a rebuild). Each node keeps the figures it computed for the version it read, so a figure is
-- computed again only after a change, on whichever node the change was made.
create table insight_version (
    id      integer primary key,
    version bigint  not null
);

insert into insight_version (id, version) values (1, 0);
