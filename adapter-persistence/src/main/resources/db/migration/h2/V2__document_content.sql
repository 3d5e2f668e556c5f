-- H2 keeps large values out of the row only as a BLOB (BINARY LARGE OBJECT; the name BLOB is not accepted in
-- PostgreSQL mode).
ALTER TABLE document ADD COLUMN content BINARY LARGE OBJECT NOT NULL;
