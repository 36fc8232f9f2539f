-- Accounts an administrator marked sensitive or honeytoken, by SID, with who and when. A mark
-- outlives the account's presence in the inventory: it applies again when the SID comes back.
CREATE TABLE identity_marks (
    object_sid VARCHAR(256) NOT NULL,
    mark       VARCHAR(32)  NOT NULL,
    marked_by  VARCHAR(256) NOT NULL,
    marked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_marks_pk PRIMARY KEY (object_sid, mark),
    CONSTRAINT identity_marks_mark_check CHECK (mark IN ('SENSITIVE', 'HONEYTOKEN'))
);
