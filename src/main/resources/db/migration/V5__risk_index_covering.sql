-- The index recomputation sums the stored weights per grid over a time window
-- (RiskIndexService.loads). With the two weights in the (grid, time) index, PostgreSQL answers that
-- sum from the index alone, in grid order, instead of reading every wide report row from the
-- table; what it bought is in docs/performance.md ("Risk index"). The new index serves every
-- query the old one served (same leading columns). Written to run unchanged on H2 and PostgreSQL.
DROP INDEX ix_grid_reports_grid_time;
CREATE INDEX ix_grid_reports_grid_time ON grid_reports (grid_id, occurred_at, weight, sentiment_weight);
