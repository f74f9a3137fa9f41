COMMENT ON TABLE app.t IS 'old'; COMMENT ON COLUMN app.t.v IS 'old'; COMMENT ON VIEW app.w IS 'old'; COMMENT ON INDEX app.t_v IS 'old';
