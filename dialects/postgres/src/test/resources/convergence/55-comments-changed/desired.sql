COMMENT ON TABLE app.t IS 'it''s new'; COMMENT ON COLUMN app.t.v IS 'new'; COMMENT ON VIEW app.w IS 'new'; COMMENT ON INDEX app.t_v IS 'new';
