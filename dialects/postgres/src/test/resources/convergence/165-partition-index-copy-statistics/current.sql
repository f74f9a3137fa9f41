CREATE SCHEMA app;
CREATE TABLE app.readings (id int NOT NULL, taken date NOT NULL, note text) PARTITION BY RANGE (taken);
CREATE TABLE app.readings_2025 PARTITION OF app.readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX readings_lower_note ON app.readings (lower(note));
COMMENT ON INDEX app.readings_2025_lower_idx IS 'old words';
