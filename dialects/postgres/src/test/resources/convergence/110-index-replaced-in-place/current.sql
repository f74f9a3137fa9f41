CREATE TABLE t (id int PRIMARY KEY, email text, name text, score int, note text);
INSERT INTO t VALUES (1, 'a@x', 'a', 1, 'n'), (2, 'b@x', 'b', 2, 'n');
CREATE INDEX "Mixed Case Idx" ON t (name);
CREATE INDEX an_index_name_that_is_very_long_and_close_to_the_sixty_three_li ON t (score);
CREATE INDEX t_email ON t (email);
COMMENT ON INDEX t_email IS 'lookup by email';
CREATE INDEX t_score_positive ON t (score) WHERE score > 0;
