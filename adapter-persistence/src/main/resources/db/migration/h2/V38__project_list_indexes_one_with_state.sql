-- V38 on H2: the state of a project is in one index of the table, not four.
--
-- Each step of a project's life changes its state, and H2 writes every index whose columns change twice over (the
-- old entry out, the new one in) and visits both entries again at the commit. With the state in four indexes
-- (V16's project_classified_state_idx and V17's state, unit-with-state and plan-year-with-state lists) that was
-- sixteen B-tree walks per step, some 5 % of the CPU of a project's whole life on H2 (BENCHMARKS.md).
--
-- Now the list columns are carried at the end of the indexes, after the list's order (created_on, id), so that H2
-- filters on them from the index entry without reading the project's row and its JSON document:
--   * project_state_list_idx leads with the state and carries the unit, the plan year and the classified flag: a
--     page of one state, of a unit's or a plan year's projects in one state, and the list's total with or without a
--     state are read from it alone;
--   * project_unit_list_idx and project_year_list_idx, which do not change when the state does, carry the plan
--     year and the classified flag.
-- A unit's projects in one state are found among the projects in that state: fewer entries read than before only
-- for the larger units, a few thousand more for the smallest, none of them a row (ProjectDao.xml names the index).
DROP INDEX project_unit_state_list_idx;
DROP INDEX project_year_state_list_idx;
DROP INDEX project_classified_state_idx;
DROP INDEX project_state_list_idx;
DROP INDEX project_unit_list_idx;
DROP INDEX project_year_list_idx;
CREATE INDEX project_state_list_idx ON project (state, created_on, id, unit, plan_year, classified);
CREATE INDEX project_unit_list_idx ON project (unit, created_on, id, plan_year, classified);
CREATE INDEX project_year_list_idx ON project (plan_year, created_on, id, classified);
