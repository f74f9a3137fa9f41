CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
CREATE PROCEDURE purge_events() LANGUAGE sql AS $$DELETE FROM events WHERE kind = 'debug'$$;
CREATE PROCEDURE add_event(p_id bigint, p_kind text) LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO events VALUES (p_id, p_kind);
END
$$;
CREATE TABLE archived_events (id bigint PRIMARY KEY, kind text NOT NULL);
CREATE FUNCTION events_of(p_kind text) RETURNS SETOF archived_events LANGUAGE sql STABLE
    AS $$SELECT * FROM archived_events WHERE kind = p_kind$$;
