-- The total of a project list without reading the projects' documents: most lists are of the projects one may see
-- outside the classified ones, all or of one state, and this index alone counts them. Over 100,000 projects on H2
-- the total of a Bureau officer's list read every row, JSON document included: 3.8 s, against about 70 ms from this
-- index. (On H2 the list page itself keeps to the indexes it used before: see ProjectDao.xml.)
CREATE INDEX project_classified_state_idx ON project (classified, state);
