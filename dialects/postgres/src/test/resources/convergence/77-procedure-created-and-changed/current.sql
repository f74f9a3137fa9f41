CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
CREATE PROCEDURE purge_events() LANGUAGE sql AS $$DELETE FROM events$$;
