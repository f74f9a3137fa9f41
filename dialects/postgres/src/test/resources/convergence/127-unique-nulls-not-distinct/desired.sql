CREATE TABLE accounts (id int PRIMARY KEY, email text, team int, CONSTRAINT accounts_email_key UNIQUE NULLS NOT DISTINCT (email));
CREATE UNIQUE INDEX accounts_team ON accounts (team) NULLS NOT DISTINCT;
