-- V14: each project stored as one document (ProjectDocuments) in its project row, JSON on H2 and JSONB on
-- PostgreSQL — the only difference between db/migration/h2 and db/migration/postgresql here; keep the two alike.
-- Besides the document the row keeps the columns lists filter and sort on, and gets the contacts of the
-- accountable people, which reminders and the workplace show beside open deadlines (they were project_person).
-- V14.1 (db.migration.common.V14_1__Project_documents) writes today's projects into these columns from the child
-- tables, V14.2 then drops the child tables and the columns only the document holds now.
ALTER TABLE project ADD COLUMN document JSON;
ALTER TABLE project ADD COLUMN leader_name VARCHAR(50);
ALTER TABLE project ADD COLUMN leader_mobile VARCHAR(20);
ALTER TABLE project ADD COLUMN leader_email TEXT;
ALTER TABLE project ADD COLUMN responsible_name VARCHAR(50);
ALTER TABLE project ADD COLUMN responsible_mobile VARCHAR(20);
ALTER TABLE project ADD COLUMN responsible_email TEXT;
