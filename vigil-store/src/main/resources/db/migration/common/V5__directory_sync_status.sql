-- The last outcome of each sync mode per source (an incremental request that fell back to a full
-- sync counts as FULL). error_kind and error say what failed; notes what deserves a look.
CREATE TABLE directory_sync_status (
    source_id   BIGINT        NOT NULL,
    mode        VARCHAR(16)   NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    server      VARCHAR(2048),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    identities  INTEGER       NOT NULL,
    changed     INTEGER       NOT NULL,
    removed     INTEGER       NOT NULL,
    highest_usn BIGINT        NOT NULL,
    error_kind  VARCHAR(32),
    error       ${text_type},
    notes       ${json_type}  NOT NULL,
    CONSTRAINT directory_sync_status_pk PRIMARY KEY (source_id, mode),
    CONSTRAINT directory_sync_status_source_fk FOREIGN KEY (source_id) REFERENCES directory_sources (id) ON DELETE CASCADE,
    CONSTRAINT directory_sync_status_mode_check CHECK (mode IN ('FULL', 'INCREMENTAL')),
    CONSTRAINT directory_sync_status_state_check CHECK (state IN ('SUCCEEDED', 'FAILED'))
);
