-- What the console's lists and overview order and count by (issue 8): incidents by latest activity
-- whatever their status, alerts of one severity newest first.
CREATE INDEX incidents_last_activity_idx ON incidents (last_activity);
CREATE INDEX alerts_severity_start_idx ON alerts (severity, start_time);
