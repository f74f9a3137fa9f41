CREATE TABLE accounts (id int NOT NULL, email text NOT NULL);
CREATE UNIQUE INDEX accounts_id_idx ON accounts (id);
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_id_idx;
CREATE UNIQUE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_idx DEFERRABLE;
