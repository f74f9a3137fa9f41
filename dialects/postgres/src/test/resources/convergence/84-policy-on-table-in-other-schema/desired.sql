CREATE SCHEMA app;
CREATE SCHEMA auth;
CREATE TABLE auth.members (user_name text NOT NULL, team_id bigint NOT NULL);
CREATE TABLE app.projects (id int PRIMARY KEY, team_id bigint NOT NULL, name text);
CREATE FUNCTION auth.me() RETURNS text LANGUAGE sql STABLE AS 'SELECT current_user::text';
ALTER TABLE app.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_projects ON app.projects
    USING (team_id IN (SELECT m.team_id FROM auth.members m WHERE m.user_name = auth.me()));
CREATE TABLE app.tasks (id int PRIMARY KEY, project_id int NOT NULL, title text);
ALTER TABLE app.tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tasks_of_my_projects ON app.tasks
    USING (project_id IN (SELECT p.id FROM app.projects p));
