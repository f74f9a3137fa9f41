CREATE TABLE friends (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  created_at datetime NOT NULL
);
INSERT INTO friends (created_at) VALUES ('2026-01-01');
