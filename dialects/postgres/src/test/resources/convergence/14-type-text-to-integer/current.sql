CREATE TABLE t (n text, d text); INSERT INTO t VALUES ('42', '2024-01-02');
