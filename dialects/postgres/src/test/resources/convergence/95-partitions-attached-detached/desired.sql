CREATE TABLE logs (id bigint NOT NULL, at date NOT NULL, msg text, level int) PARTITION BY RANGE (at);
CREATE TABLE logs_2024 (id bigint NOT NULL, at date NOT NULL, msg text, level int);
CREATE TABLE logs_2025 PARTITION OF logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE logs_2026 (id bigint NOT NULL, at date NOT NULL, msg text, level int);
ALTER TABLE logs ATTACH PARTITION logs_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE logs_2027 PARTITION OF logs FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
