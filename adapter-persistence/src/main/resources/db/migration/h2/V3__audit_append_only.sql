-- Keeps the version numbers of both vendors aligned. PostgreSQL refuses UPDATE and DELETE on audit_record with a
-- trigger (db/migration/postgresql/V3); H2 triggers are Java classes, so on the embedded H2 database the trail is
-- append-only because the adapter has no code path that updates or deletes it.
SELECT 1;
