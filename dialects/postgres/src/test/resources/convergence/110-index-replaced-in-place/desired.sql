CREATE TABLE t (id int PRIMARY KEY, email text, name text, score int, note text NOT NULL);
CREATE INDEX "Mixed Case Idx" ON t (name, score);
CREATE INDEX an_index_name_that_is_very_long_and_close_to_the_sixty_three_li ON t (score DESC);
CREATE UNIQUE INDEX t_email ON t (lower(email));
COMMENT ON INDEX t_email IS 'lookup by email, case-insensitive';
CREATE INDEX t_score_positive ON t (score) WHERE score > 1;
