-- V11, for H2 (PostgreSQL mode) and PostgreSQL alike: the people named to a project are read from the project's
-- side too (its page lists them), so account_project gets an index by project.
CREATE INDEX account_project_project_idx ON account_project (project_id, user_id);
