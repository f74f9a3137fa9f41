CREATE TABLE t (id int, code text COLLATE "C", label varchar(20) COLLATE "POSIX");
