-- The resident's page (docs/field-and-residents.md): a report filed at /report gets a private
-- tracking link /track/{token}. The token (256 random bits) is the resident's only credential and
-- is never stored: only its SHA-256. One case may have several tokens (one per report filed).
CREATE TABLE resident_tracking (
    token_hash    VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_no       VARCHAR(32)   NOT NULL REFERENCES cases (case_no),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_resident_tracking_case ON resident_tracking (case_no);
