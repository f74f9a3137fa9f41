CREATE TABLE users (
  id bigint NOT NULL,
  name varchar(40) NOT NULL,
  nickname varchar(20) NOT NULL,
  created_at datetime NOT NULL,
  PRIMARY KEY (id)
);
INSERT INTO users VALUES (1, 'Ann', 'a', '2026-01-01 00:00:00');
