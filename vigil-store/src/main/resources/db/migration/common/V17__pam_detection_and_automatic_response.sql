-- The hosts a vault's brokered sessions sign in from (CyberArk PSM servers, session proxies), as the
-- administrator names them on the connection; comma-separated names or addresses.
ALTER TABLE pam_connections ADD COLUMN session_hosts VARCHAR(4000);

-- A password reset knows the directory identity it was resolved to (objectGUID, when the directory
-- inventory holds it), and who approved or rejected a reset that waited for an administrator.
ALTER TABLE pam_resets ADD COLUMN identity_id VARCHAR(64);
ALTER TABLE pam_resets ADD COLUMN decided_by VARCHAR(200);
ALTER TABLE pam_resets ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX pam_resets_identity ON pam_resets (identity_id);
CREATE INDEX pam_resets_alert ON pam_resets (alert_id);
