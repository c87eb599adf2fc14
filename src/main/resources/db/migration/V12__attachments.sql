-- Attachments of cases (their handling steps and agreements) and grid reports (docs/attachments.md).
-- The bytes live in the store named by "store": the table attachment_blobs by default, or an
-- S3-compatible object store (keys "<id>" and "<id>/thumbnail" under the configured prefix).
CREATE TABLE attachments (
    id              VARCHAR(36)   PRIMARY KEY,
    owner_kind      VARCHAR(16)   NOT NULL,
    owner_no        VARCHAR(64)   NOT NULL,
    step            VARCHAR(64),
    caption         VARCHAR(200),
    file_name       VARCHAR(200),
    content_type    VARCHAR(64)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    width           INTEGER,
    height          INTEGER,
    store           VARCHAR(16)   NOT NULL,
    thumbnail_type  VARCHAR(64),
    uploaded_by     VARCHAR(64)   NOT NULL,
    client_ref      VARCHAR(64),
    batch_position  INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_attachments_owner ON attachments (owner_kind, owner_no, created_at);
-- a repeated upload with the same clientRef is stored once (NULL client_ref: no constraint)
CREATE UNIQUE INDEX ux_attachments_client_ref ON attachments (owner_kind, owner_no, client_ref, batch_position);

CREATE TABLE attachment_blobs (
    object_key    VARCHAR(64)  PRIMARY KEY,
    content_type  VARCHAR(64)  NOT NULL,
    content       BYTEA        NOT NULL
);
