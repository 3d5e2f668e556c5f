-- V39, for H2 (PostgreSQL mode) and PostgreSQL alike: the links made from now on chain each record's own seal (the
-- HMAC-SM3 of the record written with it into audit_pending, V35) instead of the record, so that the sealer no longer
-- reads the records it links (AuditChain). The links already made keep their form: own_seal_links_from is the first
-- place in the chain whose link is of an own seal, the place after the last link made before this version.
ALTER TABLE audit_chain ADD COLUMN own_seal_links_from BIGINT DEFAULT 1 NOT NULL;
UPDATE audit_chain SET own_seal_links_from = record_count + 1;
