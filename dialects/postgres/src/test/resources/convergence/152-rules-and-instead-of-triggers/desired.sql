CREATE SCHEMA app;
CREATE TABLE app.events (id int PRIMARY KEY, kind text NOT NULL, payload text);
CREATE TABLE app.event_log (id int, kind text);
CREATE RULE skip_test AS ON INSERT TO app.events WHERE new.kind IN ('test', 'dry-run') DO INSTEAD NOTHING;
CREATE RULE log_update AS ON UPDATE TO app.events DO ALSO INSERT INTO app.event_log VALUES (new.id, new.kind);
ALTER TABLE app.events DISABLE RULE log_update;
COMMENT ON RULE skip_test ON app.events IS 'test events are never stored';
CREATE VIEW app.open_events AS SELECT id, kind, payload FROM app.events;
CREATE FUNCTION app.open_events_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM app.events WHERE id = OLD.id;
    RETURN OLD;
  END IF;
  INSERT INTO app.events (id, kind) VALUES (NEW.id, NEW.kind);
  RETURN NEW;
END $$;
CREATE TRIGGER open_events_insert INSTEAD OF INSERT ON app.open_events FOR EACH ROW EXECUTE FUNCTION app.open_events_write();
CREATE TRIGGER open_events_delete INSTEAD OF DELETE ON app.open_events FOR EACH ROW EXECUTE FUNCTION app.open_events_write();
