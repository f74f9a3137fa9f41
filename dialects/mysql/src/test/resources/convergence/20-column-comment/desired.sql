CREATE TABLE t (id INT PRIMARY KEY, a INT COMMENT 'new: it''s here', b INT, c INT COMMENT 'fresh');
