CREATE FUNCTION is_slug(v text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT v ~ '^[a-z0-9-]+$'$$;
CREATE DOMAIN slug AS text COLLATE "C" NOT NULL CONSTRAINT slug_shape CHECK (is_slug(VALUE));
CREATE DOMAIN positive_int AS integer DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0);
CREATE DOMAIN small_positive AS positive_int CONSTRAINT small CHECK (VALUE < 100);
COMMENT ON DOMAIN slug IS 'url-safe names';
CREATE TABLE people (id int PRIMARY KEY, handle slug, age small_positive, scores positive_int[]);
CREATE TABLE tags (name slug PRIMARY KEY);
