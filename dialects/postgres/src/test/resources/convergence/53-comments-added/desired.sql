COMMENT ON SCHEMA app IS 'schema';
COMMENT ON TYPE app.e IS 'enum';
COMMENT ON SEQUENCE app.s IS 'sequence';
COMMENT ON TABLE app.t IS 'table';
COMMENT ON COLUMN app.t.v IS 'column';
COMMENT ON CONSTRAINT v_chk ON app.t IS 'check';
COMMENT ON CONSTRAINT t_self_fk ON app.t IS 'foreign key';
COMMENT ON INDEX app.t_v IS 'index';
COMMENT ON VIEW app.w IS 'view';
