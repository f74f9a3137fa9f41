CREATE INDEX measurements_changed ON measurements (id, sensor);
CREATE UNIQUE INDEX measurements_key ON measurements (id, taken_on, sensor) INCLUDE (reading);
CREATE INDEX measurements_lower_sensor ON measurements (lower(sensor), upper(sensor)) WHERE reading > 10;
CREATE INDEX measurements_mixed ON measurements ((reading + 1), (sensor::varchar), lower(sensor) DESC, (id::text));
CREATE INDEX measurements_reading ON measurements (reading);
CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
