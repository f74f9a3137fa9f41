CREATE TABLE docs (id int NOT NULL PRIMARY KEY, body text, extra int, FULLTEXT KEY ft_body (body));
CREATE TABLE packed (id int NOT NULL PRIMARY KEY, a int, b int, KEY ix_b (b)) ROW_FORMAT=COMPRESSED;
CREATE TABLE legacy (id int NOT NULL PRIMARY KEY, a int) ENGINE=MyISAM;
INSERT INTO docs VALUES (1, 'hello world', 1);
INSERT INTO packed VALUES (1, 2, 3);
INSERT INTO legacy VALUES (1, 2);
CREATE TABLE secrets (id int NOT NULL, token tinyblob NOT NULL, note int, UNIQUE KEY by_token (token) USING HASH);
CREATE TABLE tokens (id int NOT NULL, token tinyblob NOT NULL);
