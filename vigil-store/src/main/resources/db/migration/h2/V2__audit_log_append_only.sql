CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'io.vigil.store.audit.internal.AppendOnlyTrigger';

-- H2 fires no trigger on TRUNCATE, but refuses to truncate a table that another table references:
-- this empty table exists only to hold that reference.
CREATE TABLE audit_log_truncate_guard (
    audit_log_id BIGINT,
    CONSTRAINT audit_log_truncate_guard_fk FOREIGN KEY (audit_log_id) REFERENCES audit_log (id)
);
