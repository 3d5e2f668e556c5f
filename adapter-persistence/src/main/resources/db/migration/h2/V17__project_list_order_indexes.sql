-- V17: a page of a filtered project list read in the list's order from an index led by the filter, so that only
-- the page's rows are read. The list is ordered by (created_on, id), newest first; with a filter on state, unit or
-- plan year, these indexes hold the matching projects already in that order. Before, a list of one state over
-- 100,000 projects on H2 read every matching row, its JSON document included, and sorted them all for each page
-- (1 to 20 s, and a heap of 256 MB collecting most of the time). ProjectDao.xml names the index on H2 and puts the
-- filter's columns in front of its ORDER BY (they are equal on every row of the page, so the order is the same).
-- They replace the single-column indexes of unit, state and plan year, which they serve as well (a lookup by their
-- first column). H2 only: PostgreSQL's planner reads such a page from the single-column indexes by itself (a filter
-- on project_created_on_idx read backwards, or the filter's index and a sort of few rows), and on PostgreSQL every
-- project update that changes its state writes a new entry into every index of the table, so it keeps fewer
-- (db/migration/postgresql/V17__project_list_order_indexes.sql).
CREATE INDEX project_state_list_idx ON project (state, created_on, id);
CREATE INDEX project_unit_list_idx ON project (unit, created_on, id);
CREATE INDEX project_unit_state_list_idx ON project (unit, state, created_on, id);
CREATE INDEX project_year_list_idx ON project (plan_year, created_on, id);
CREATE INDEX project_year_state_list_idx ON project (plan_year, state, created_on, id);
DROP INDEX project_unit_idx;
DROP INDEX project_state_idx;
DROP INDEX project_plan_year_idx;
