CREATE TABLE a (id int PRIMARY KEY, tenant text NOT NULL);
CREATE TABLE b (id int PRIMARY KEY, tenant text NOT NULL);
ALTER TABLE a ENABLE ROW LEVEL SECURITY;
CREATE POLICY a_tenant ON a USING (tenant = current_setting('app.tenant', true));
CREATE POLICY a_insert ON a FOR UPDATE TO postgres USING (true) WITH CHECK (tenant = current_user);
