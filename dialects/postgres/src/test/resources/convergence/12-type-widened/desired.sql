CREATE TABLE t (a varchar(50), b bigint, c text, d numeric(12,4));
