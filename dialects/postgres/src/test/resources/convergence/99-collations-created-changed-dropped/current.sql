CREATE SCHEMA app;
CREATE COLLATION app.c_sort (provider = libc, lc_collate = 'C', lc_ctype = 'C');
CREATE COLLATION app.unused_icu (provider = icu, locale = 'de');
CREATE COLLATION app.old_coll (provider = libc, lc_collate = 'C', lc_ctype = 'C');
COMMENT ON COLLATION app.c_sort IS 'byte order';
CREATE TABLE app.users (id int PRIMARY KEY, login text COLLATE app.c_sort, legacy text COLLATE app.old_coll);
