CREATE SCHEMA app;
CREATE SCHEMA auth;
CREATE TABLE auth.members (user_name text NOT NULL, team_id int NOT NULL);
CREATE TABLE app.projects (id int PRIMARY KEY, team_id int NOT NULL, name text);
ALTER TABLE app.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_projects ON app.projects
    USING (team_id IN (SELECT m.team_id FROM auth.members m WHERE m.user_name = current_user));
