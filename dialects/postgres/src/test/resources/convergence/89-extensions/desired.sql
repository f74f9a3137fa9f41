CREATE SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH VERSION '1.6';
CREATE EXTENSION IF NOT EXISTS hstore WITH VERSION '1.7';
CREATE TABLE accounts (id int PRIMARY KEY, email ext.citext NOT NULL, attrs hstore);
CREATE INDEX accounts_email_trgm ON accounts USING gin ((email::text) gin_trgm_ops);
