-- Integration credentials (directory bind passwords, PAM API keys, SIEM client secrets), encrypted with
-- AES-256-GCM under the server's master key; the name is the authenticated data, so a ciphertext
-- cannot be moved to another name. key_id tells which master key wrote a row.
CREATE TABLE secrets (
    name        VARCHAR(200)   NOT NULL,
    key_id      VARCHAR(16)    NOT NULL,
    nonce       ${binary_type} NOT NULL,
    ciphertext  ${binary_type} NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT secrets_pk PRIMARY KEY (name)
);
