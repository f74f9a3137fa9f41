CREATE TABLE friends (
  id bigint NOT NULL AUTO_INCREMENT,
  other_id bigint NOT NULL,
  created_at datetime NOT NULL,
  PRIMARY KEY (id)
);
INSERT INTO friends (other_id, created_at) VALUES (1, '2026-01-01'), (2, '2026-01-02');
