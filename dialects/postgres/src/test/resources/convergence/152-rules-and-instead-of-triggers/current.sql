CREATE SCHEMA app;
CREATE TABLE app.events (id int PRIMARY KEY, kind text NOT NULL, payload text);
CREATE TABLE app.event_log (id int, kind text);
CREATE RULE skip_test AS ON INSERT TO app.events WHERE new.kind = 'test' DO INSTEAD NOTHING;
CREATE RULE log_delete AS ON DELETE TO app.events DO ALSO INSERT INTO app.event_log VALUES (old.id, old.kind);
CREATE VIEW app.open_events AS SELECT id, kind FROM app.events;
CREATE FUNCTION app.open_events_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO app.events (id, kind) VALUES (NEW.id, NEW.kind);
  RETURN NEW;
END $$;
CREATE TRIGGER open_events_insert INSTEAD OF INSERT ON app.open_events FOR EACH ROW EXECUTE FUNCTION app.open_events_insert();
