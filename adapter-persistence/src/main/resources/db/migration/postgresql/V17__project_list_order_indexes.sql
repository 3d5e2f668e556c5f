-- V17 on PostgreSQL: no new index. H2 needs an index per list filter followed by the list's order to read a filtered
-- page in order (db/migration/h2/V17__project_list_order_indexes.sql); PostgreSQL's planner takes the constant
-- filter out of the ORDER BY and reads the page from project_created_on_idx backwards with the filter, or from the
-- filter's own index with a sort of the few rows it matches, whichever its statistics say is cheaper. More indexes
-- would only cost: each project update that changes its state writes a new entry into every index of the table.
COMMENT ON INDEX project_state_idx IS 'list filter by state; the page in order from project_created_on_idx or this';
