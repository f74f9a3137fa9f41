CREATE SCHEMA app;
CREATE COLLATION app.c_sort (provider = libc, lc_collate = 'C', lc_ctype = 'C');
CREATE COLLATION app.unused_icu (provider = icu, locale = 'fr');
CREATE COLLATION app.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION app.c_sort IS 'byte order, for logins';
COMMENT ON COLLATION app.case_insensitive IS 'compares without case';
CREATE TABLE app.users (id int PRIMARY KEY, login text COLLATE app.c_sort, email text COLLATE app.case_insensitive);
CREATE TABLE app.tags (name text COLLATE app.case_insensitive PRIMARY KEY);
