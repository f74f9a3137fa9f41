CREATE TABLE logs (id bigint NOT NULL, at date NOT NULL, msg text) PARTITION BY RANGE (at);
CREATE INDEX logs_at ON logs (at);
CREATE INDEX logs_msg ON logs (msg);
CREATE TABLE logs_2023 (id bigint NOT NULL, at date NOT NULL, msg text);
CREATE INDEX logs_2023_at_idx ON logs_2023 (at);
CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE logs_2025 (id bigint NOT NULL, at date NOT NULL, msg text);
ALTER TABLE logs ATTACH PARTITION logs_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
