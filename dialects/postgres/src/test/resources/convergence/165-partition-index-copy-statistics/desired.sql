CREATE SCHEMA app;
CREATE TABLE app.readings (id int NOT NULL, taken date NOT NULL, note text) PARTITION BY RANGE (taken);
CREATE TABLE app.readings_2025 PARTITION OF app.readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.readings_2026 PARTITION OF app.readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX readings_lower_note ON app.readings (lower(note));
CREATE INDEX readings_length ON app.readings (length(note));
-- sets the parent's and, at this moment, every copy's
ALTER INDEX app.readings_lower_note ALTER COLUMN 1 SET STATISTICS 300;
ALTER INDEX app.readings_length ALTER COLUMN 1 SET STATISTICS 400;
-- a copy's own
ALTER INDEX app.readings_2025_lower_idx ALTER COLUMN 1 SET STATISTICS 200;
ALTER INDEX app.readings_2026_length_idx ALTER COLUMN 1 SET STATISTICS -1;
COMMENT ON INDEX app.readings_2025_lower_idx IS 'new words';
-- made after the parent's targets: starts with the defaults
CREATE TABLE app.readings_2027 PARTITION OF app.readings FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
