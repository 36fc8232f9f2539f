-- The last complete inventory of each domain: one row per domain with the cursor of the next
-- incremental sync, and one row per user, computer, group and gMSA. A domain's rows are replaced in
-- one transaction by a full sync and patched in one by an incremental sync; a failed sync leaves them.
-- tags are the IdentityTag names the tagger last computed, comma-separated.
CREATE TABLE directory_inventories (
    domain      VARCHAR(255)  NOT NULL,
    server      VARCHAR(2048) NOT NULL,
    highest_usn BIGINT        NOT NULL,
    synced_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT directory_inventories_pk PRIMARY KEY (domain)
);

CREATE TABLE directory_identities (
    domain                  VARCHAR(255)  NOT NULL,
    object_guid             VARCHAR(36)   NOT NULL,
    kind                    VARCHAR(16)   NOT NULL,
    distinguished_name      ${text_type}  NOT NULL,
    object_sid              VARCHAR(256),
    sam_account_name        VARCHAR(1024),
    user_principal_name     VARCHAR(2048),
    display_name            VARCHAR(2048),
    user_account_control    BIGINT        NOT NULL,
    service_principal_names ${json_type}  NOT NULL,
    admin_count             INTEGER       NOT NULL,
    last_logon              TIMESTAMP WITH TIME ZONE,
    pwd_last_set            TIMESTAMP WITH TIME ZONE,
    primary_group_sid       VARCHAR(256),
    members                 ${json_type}  NOT NULL,
    member_of               ${json_type}  NOT NULL,
    when_changed            TIMESTAMP WITH TIME ZONE,
    usn_changed             BIGINT        NOT NULL,
    tags                    VARCHAR(512)  NOT NULL,
    CONSTRAINT directory_identities_pk PRIMARY KEY (domain, object_guid),
    CONSTRAINT directory_identities_inventory_fk FOREIGN KEY (domain) REFERENCES directory_inventories (domain) ON DELETE CASCADE,
    CONSTRAINT directory_identities_kind_check CHECK (kind IN ('USER', 'COMPUTER', 'GROUP', 'GMSA'))
);
CREATE INDEX directory_identities_sid_idx ON directory_identities (object_sid);
