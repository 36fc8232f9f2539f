-- SIEM delivery by cursor (issue 7, throughput). V10 kept one siem_pending row per outbox row and
-- exporter, deleted row by row on delivery. Now each exporter has one number instead:
-- siem_delivery_status.delivered_through, the outbox sequence up to which its SIEM accepted
-- everything. A batch is a range read (seq > delivered_through, by the primary key) and its delivery
-- one update of that row.
--
-- A cursor is only correct if a row never becomes visible after a row with a higher sequence. So
-- sequences are no longer drawn from an identity column by each writer: a transaction takes its
-- sequences from siem_outbox_head just before it commits, and that row's lock is held until the
-- commit, so sequences are handed out in commit order (see OutboxRepository).
--
-- Every delivered row is read once per exporter, so its alert is now kept in the row (on H2 a CLOB is
-- stored and read apart from it, which cost more than the rest of the read).

CREATE TABLE siem_outbox_head (
    id       INTEGER NOT NULL,
    last_seq BIGINT  NOT NULL,
    CONSTRAINT siem_outbox_head_pk PRIMARY KEY (id),
    CONSTRAINT siem_outbox_head_single CHECK (id = 1)
);
INSERT INTO siem_outbox_head (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM siem_outbox;

ALTER TABLE siem_delivery_status ADD COLUMN delivered_through BIGINT DEFAULT 0 NOT NULL;

-- every exporter gets its cursor row now (before, the status row appeared on the first attempt)
INSERT INTO siem_delivery_status (exporter_id, delivered, failures)
SELECT e.id, 0, 0 FROM siem_exporters e
 WHERE NOT EXISTS (SELECT 1 FROM siem_delivery_status s WHERE s.exporter_id = e.id);

-- Pending marks become cursors: just below an exporter's oldest pending row; an exporter with nothing
-- pending has everything. Marks above a gap (rows delivered out of order, which the old worker only
-- did when a transaction committed a lower sequence late) are sent again: at least once, never lost.
UPDATE siem_delivery_status
   SET delivered_through = COALESCE(
           (SELECT MIN(p.seq) - 1 FROM siem_pending p WHERE p.exporter_id = siem_delivery_status.exporter_id),
           (SELECT h.last_seq FROM siem_outbox_head h WHERE h.id = 1));

-- from here on a status row is always written with its cursor; a forgotten one must fail, not resend everything
ALTER TABLE siem_delivery_status ALTER COLUMN delivered_through DROP DEFAULT;

DROP TABLE siem_pending;

ALTER TABLE siem_outbox ALTER COLUMN seq DROP IDENTITY;
ALTER TABLE siem_outbox ALTER COLUMN alert SET DATA TYPE ${row_text_type};
