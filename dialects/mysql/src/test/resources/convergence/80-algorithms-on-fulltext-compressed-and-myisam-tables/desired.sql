-- No INSTANT column change on a table with a FULLTEXT index or a compressed row format; a MyISAM
-- table is copied for every change. The server refuses a pinned algorithm it cannot use.
CREATE TABLE docs (id int NOT NULL PRIMARY KEY, body text, title varchar(20), FULLTEXT KEY ft_body (body));
CREATE TABLE packed (id int NOT NULL PRIMARY KEY, a int, c int) ROW_FORMAT=COMPRESSED;
CREATE TABLE legacy (id int NOT NULL PRIMARY KEY, a int, b int, KEY ix_a (a)) ENGINE=MyISAM;
-- MariaDB keeps a UNIQUE ... USING HASH index in a hidden VIRTUAL column: such a table is copied.
CREATE TABLE secrets (id int NOT NULL, token tinyblob NOT NULL, note int DEFAULT 1, extra int, UNIQUE KEY by_token (token) USING HASH);
CREATE TABLE tokens (id int NOT NULL, token tinyblob NOT NULL, UNIQUE KEY by_token (token) USING HASH);
