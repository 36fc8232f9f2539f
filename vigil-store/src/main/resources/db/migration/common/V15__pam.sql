-- PAM vault connections (credentials are in the secret store, never here), the accounts each vault
-- manages as of its last successful sync, and password resets requested through a vault.
CREATE TABLE pam_connections (
    id                 VARCHAR(64)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    vendor             VARCHAR(20)   NOT NULL,
    auth_mode          VARCHAR(40)   NOT NULL,
    url                VARCHAR(2000) NOT NULL,
    identity_url       VARCHAR(2000),
    user_name          VARCHAR(500),
    login_domain       VARCHAR(500),
    enabled            BOOLEAN       NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    status_message     VARCHAR(4000),
    checked_at         TIMESTAMP WITH TIME ZONE,
    synced_at          TIMESTAMP WITH TIME ZONE,
    accounts           INTEGER       NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pam_connections_pk PRIMARY KEY (id),
    CONSTRAINT pam_connections_name UNIQUE (name)
);

CREATE TABLE pam_accounts (
    connection_id      VARCHAR(64)   NOT NULL,
    account_id         VARCHAR(500)  NOT NULL,
    user_name          VARCHAR(500),
    domain             VARCHAR(500),
    upn                VARCHAR(500),
    address            VARCHAR(2000),
    container          VARCHAR(2000),
    platform           VARCHAR(500),
    directory_account  BOOLEAN       NOT NULL,
    auto_managed       BOOLEAN,
    last_changed       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pam_accounts_pk PRIMARY KEY (connection_id, account_id),
    CONSTRAINT pam_accounts_connection FOREIGN KEY (connection_id) REFERENCES pam_connections (id) ON DELETE CASCADE
);
CREATE INDEX pam_accounts_user ON pam_accounts (user_name);

CREATE TABLE pam_resets (
    id                 VARCHAR(64)   NOT NULL,
    idempotency_key    VARCHAR(200)  NOT NULL,
    connection_id      VARCHAR(64)   NOT NULL,
    account_id         VARCHAR(500)  NOT NULL,
    target             VARCHAR(1000) NOT NULL,
    reason             VARCHAR(4000) NOT NULL,
    requested_by       VARCHAR(200)  NOT NULL,
    alert_id           VARCHAR(200),
    state              VARCHAR(20)   NOT NULL,
    message            VARCHAR(4000),
    handle             ${text_type},
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pam_resets_pk PRIMARY KEY (id),
    CONSTRAINT pam_resets_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX pam_resets_state ON pam_resets (state);
