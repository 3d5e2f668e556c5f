-- The seals of the audit trail are append-only like its records (V3): the database refuses to change or remove one,
-- whoever asks. The grants that leave the application's role only INSERT and SELECT on both are in OPERATIONS.md.
CREATE TRIGGER audit_seal_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();

CREATE TRIGGER audit_seal_no_truncate
    BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();
