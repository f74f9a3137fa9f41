CREATE TABLE t (id int PRIMARY KEY, code varchar(10), old text, n int);
CREATE INDEX t_code ON t (code);
CREATE INDEX t_n ON t (n);
