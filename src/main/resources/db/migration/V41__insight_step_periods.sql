-- Insight (engineer D): the heatmap reads one process's steps ended in a period, and the open ones; the work list
-- and the counsellors' lead read every open step past its due date. Neither query names an element, so V38's index
-- (process_key, element_id, ended_at) does not serve them.
create index insight_step_period_idx on insight_step (process_key, ended_at);
create index insight_step_open_idx on insight_step (ended_at, due_on);
