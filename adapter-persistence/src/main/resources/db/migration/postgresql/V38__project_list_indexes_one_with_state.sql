-- V38 on PostgreSQL: no change. On H2 the project's state moved into one list index of four
-- (db/migration/h2/V38__project_list_indexes_one_with_state.sql); here it was in two (project_state_idx and V16's
-- project_classified_state_idx, which counts a list's total from the index), and PostgreSQL's planner needs no index
-- per combination of filters (V17).
COMMENT ON INDEX project_classified_state_idx IS 'the total of a project list, from the index alone';
