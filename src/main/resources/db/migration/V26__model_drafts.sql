-- The process owners' workbench (module modeling): drafts of a model with every saved revision, and who deployed a
-- version from the workbench and why. No case data: model files, user ids and notes about the model.
-- Shared by H2 (embedded default) and PostgreSQL (production): keep to the SQL both understand.

create table model_draft (
    id               uuid primary key,
    model_key        varchar(100) not null,
    -- PROCESS or DECISION
    kind             varchar(10)  not null,
    -- the deployed version the draft was copied from
    base_version     integer      not null,
    -- OPEN, PROPOSED, APPROVED, DEPLOYED
    status           varchar(10)  not null,
    -- the latest revision; a save names the revision it was loaded with (optimistic locking)
    revision         integer      not null,
    created_by       varchar(64)  not null,
    created_at       timestamp with time zone not null,
    change_note      varchar(2000),
    proposed_by      varchar(64),
    reviewed_by      varchar(64),
    -- why it was sent back (the last rejection)
    review_note      varchar(2000),
    deployed_version integer
);

create index model_draft_key_idx on model_draft (model_key, status);

create table model_draft_revision (
    draft_id   uuid         not null references model_draft (id) on delete cascade,
    revision   integer      not null,
    xml        text         not null,
    saved_by   varchar(64)  not null,
    saved_at   timestamp with time zone not null,
    -- EDITOR, UPLOAD or COPY (the deployed version it started from)
    source     varchar(10)  not null,
    primary key (draft_id, revision)
);

-- Who deployed a version from the workbench, who approved it and why; versions without a row came with a release.
create table model_deployment (
    deployment_id  varchar(64)  primary key,
    model_key      varchar(100) not null,
    version        integer      not null,
    version_tag    varchar(50),
    draft_id       uuid references model_draft (id),
    proposed_by    varchar(64)  not null,
    approved_by    varchar(64)  not null,
    deployed_by    varchar(64)  not null,
    deployed_at    timestamp with time zone not null,
    change_note    varchar(2000) not null
);

create index model_deployment_key_idx on model_deployment (model_key, version);
