-- The template schema: every tenant gets these objects in its own schema.
CREATE SCHEMA app;

CREATE TYPE app.plan AS ENUM ('free', 'team', 'enterprise');
