-- PostgreSQL keeps the document content as BYTEA (TOASTed out of the row when large).
ALTER TABLE document ADD COLUMN content BYTEA NOT NULL;
