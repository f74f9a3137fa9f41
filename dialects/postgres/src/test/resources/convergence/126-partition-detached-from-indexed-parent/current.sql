CREATE TABLE logs (id bigint NOT NULL, at date NOT NULL, msg text) PARTITION BY RANGE (at);
CREATE INDEX logs_at ON logs (at);
CREATE INDEX logs_msg ON logs (msg);
CREATE TABLE logs_2023 PARTITION OF logs FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE logs_2025 (id bigint NOT NULL, at date NOT NULL, msg text);
CREATE INDEX logs_2025_old ON logs_2025 (msg);
INSERT INTO logs VALUES (1, '2023-05-01', 'old'), (2, '2024-05-01', 'kept');
