-- V18, for H2 (PostgreSQL mode) and PostgreSQL alike: the audit trail becomes a chain that cannot be rewritten unseen.
-- Each record gets a seal, HMAC-SM3 (GM/T 0042, GB/T 32905) under a key that is kept outside the database, of the
-- seal before it and the record itself; the head row holds the last seal and the number of records, sealed in turn,
-- so that removing records from the end shows too. `verify-audit` recomputes the chain.

-- One seal per record, written in the same transaction as the record; insert-only like the records themselves.
CREATE TABLE audit_seal (
    record_id BIGINT      NOT NULL,
    seal      VARCHAR(64) NOT NULL,
    CONSTRAINT audit_seal_pk PRIMARY KEY (record_id)
);

-- The head of the chain: its one row is locked by every append, which orders the records of all instances. Records up
-- to legacy_upto were written before this version; the first start that holds the key seals them, once.
CREATE TABLE audit_chain (
    id           INTEGER     NOT NULL,
    legacy_upto  BIGINT      NOT NULL,
    last_id      BIGINT      NOT NULL,
    record_count BIGINT      NOT NULL,
    last_seal    VARCHAR(64) NOT NULL,
    head_seal    VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_pk PRIMARY KEY (id),
    CONSTRAINT audit_chain_single CHECK (id = 1)
);
INSERT INTO audit_chain (id, legacy_upto, last_id, record_count, last_seal, head_seal)
SELECT 1, COALESCE(MAX(id), 0), 0, 0, '', '' FROM audit_record;
