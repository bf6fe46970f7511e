-- ConfigSpec profile store, schema version 1.
-- One migration set for SQLite and PostgreSQL: only the portable subset of SQL is used (VARCHAR, TEXT, BIGINT,
-- PRIMARY KEY, UNIQUE, REFERENCES, CREATE INDEX). Times are epoch milliseconds (BIGINT, UTC) because the two
-- databases share no timestamp type; documents are JSON text (TEXT), not JSONB, so both read the same bytes back.

CREATE TABLE profile_document (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind        VARCHAR(64)  NOT NULL,
    device      VARCHAR(256),
    draft       VARCHAR(256),
    quant       VARCHAR(64),
    target      VARCHAR(256),
    created_ms  BIGINT       NOT NULL,
    document    TEXT         NOT NULL
);

CREATE INDEX profile_document_kind ON profile_document (kind);
CREATE INDEX profile_document_device ON profile_document (device);
CREATE INDEX profile_document_draft ON profile_document (draft);
CREATE INDEX profile_document_target ON profile_document (target);

-- The run log of resumable profiling: one row per run (unique key = what was asked for), one row per completed item.
CREATE TABLE profile_run (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    run_key      VARCHAR(1024) NOT NULL UNIQUE,
    params       TEXT          NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    started_ms   BIGINT        NOT NULL,
    finished_ms  BIGINT
);

CREATE TABLE profile_run_item (
    run_id       VARCHAR(64)   NOT NULL REFERENCES profile_run (id),
    item_key     VARCHAR(1024) NOT NULL,
    seq          BIGINT        NOT NULL,
    recorded_ms  BIGINT        NOT NULL,
    result       TEXT          NOT NULL,
    PRIMARY KEY (run_id, item_key)
);
