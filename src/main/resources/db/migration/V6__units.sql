-- Units as data (issue: any district can run Huian). The unit tree of one or more districts,
-- imported from CSV/XLSX files (docs/geography.md); Camunda groups follow these rows.
CREATE TABLE units (
    code          VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    short_name    VARCHAR(60),
    level         VARCHAR(10)  NOT NULL,
    parent_code   VARCHAR(32),
    district_code VARCHAR(12)  NOT NULL,
    sort          INTEGER      NOT NULL DEFAULT 0,
    retired       BOOLEAN      NOT NULL DEFAULT FALSE,
    case_prefix   VARCHAR(8),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX units_parent ON units (parent_code);
CREATE INDEX units_district ON units (district_code, level);

-- start-up import of the unit files runs under this lock, one node after the other
INSERT INTO huian_lock (name) VALUES ('units');
