-- Project lists and their totals without reading the projects' documents. A list page is filtered by who may see
-- what (a unit's own projects; classified ones only for those in the know) and by year, unit or state, and sorted
-- newest first; its total counts the same rows. With the filter's column, the classified flag and the sort order in
-- one index, the page is read in index order and the total from the index alone: before, the total of a Bureau
-- officer's list read every project row, documents included (3.8 s over 100,000 projects on H2).
DROP INDEX project_unit_idx;
DROP INDEX project_plan_year_idx;
DROP INDEX project_state_idx;
CREATE INDEX project_list_idx ON project (classified, created_on, id);
CREATE INDEX project_unit_list_idx ON project (unit, classified, created_on, id);
CREATE INDEX project_plan_year_list_idx ON project (plan_year, classified, created_on, id);
CREATE INDEX project_state_list_idx ON project (state, classified, created_on, id);
