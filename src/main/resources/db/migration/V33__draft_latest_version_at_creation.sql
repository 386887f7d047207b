-- The newest deployed version of the model when the draft was made: a version deployed after it (another draft, a
-- release) would be undone by approving the draft, so approval is refused then. Null for drafts made before this
-- column: their base version stands in.
alter table model_draft add column latest_version_at_creation integer;
