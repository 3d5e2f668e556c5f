-- V12, for H2 (PostgreSQL mode) and PostgreSQL alike: a project's child rows kept with its project row as well, so
-- that loading a project reads one row instead of every child table (ChildrenSnapshot). Written by the same UPDATE
-- that gives the project its new version; NULL (rows written before this version, or by anything but the
-- application) means "read the child tables". Whoever changes a child table by hand must set it to NULL.
ALTER TABLE project ADD COLUMN children_snapshot BYTEA;
