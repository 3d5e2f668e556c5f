-- V35, for H2 (PostgreSQL mode) and PostgreSQL alike: audit records are sealed on insert and linked into the chain
-- after commit, so that writers no longer queue behind the chain's head row (AuditChain).

-- Each record's own seal (HMAC-SM3 of the record as stored), written in the record's transaction; the sealer links
-- the record into the chain and removes it from here in one transaction.
CREATE TABLE audit_pending (
    record_id BIGINT      NOT NULL,
    mac       VARCHAR(64) NOT NULL,
    CONSTRAINT audit_pending_pk PRIMARY KEY (record_id)
);

-- A link's place in the chain. The links written before this version have none: they come first, in the order of
-- their records' numbers, which was their order.
ALTER TABLE audit_seal ADD COLUMN link_no BIGINT;
CREATE UNIQUE INDEX audit_seal_link_no_uq ON audit_seal (link_no);
