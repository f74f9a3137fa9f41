CREATE TABLE measurements (id bigint NOT NULL, taken_on date NOT NULL, sensor text NOT NULL, reading numeric)
    PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
    PARTITION BY LIST (sensor);
CREATE TABLE measurements_2025_a PARTITION OF measurements_2025 FOR VALUES IN ('a');
CREATE TABLE measurements_2025_other PARTITION OF measurements_2025 DEFAULT;
CREATE TABLE measurements_of_the_year_2023_taken_by_every_sensor_we_had_then PARTITION OF measurements
    FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE measurements_2024_reading_idx (taken_by text);
