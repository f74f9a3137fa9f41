CREATE TABLE friends (
  id bigint NOT NULL AUTO_INCREMENT,
  other_id bigint NOT NULL,
  created_at datetime NOT NULL,
  PRIMARY KEY (id, other_id)
);
