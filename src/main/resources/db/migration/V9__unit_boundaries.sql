-- Real boundaries for the maps (issue: any district can run Huian, part 5). One row per district:
-- the GeoJSON FeatureCollection of its units as imported (docs/boundaries.md), replaced whole by
-- the next import. The bounding box of its features is kept beside it so that intake can check
-- coordinates without parsing the file. TEXT is a CLOB on H2 and unbounded text on PostgreSQL.
CREATE TABLE unit_boundaries (
    district_code VARCHAR(12)      PRIMARY KEY,
    geojson       TEXT             NOT NULL,
    feature_count INTEGER          NOT NULL,
    lat_min       DOUBLE PRECISION NOT NULL,
    lat_max       DOUBLE PRECISION NOT NULL,
    lon_min       DOUBLE PRECISION NOT NULL,
    lon_max       DOUBLE PRECISION NOT NULL,
    imported_by   VARCHAR(64),
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
