CREATE TABLE items (id int PRIMARY KEY, price numeric NOT NULL);
CREATE FUNCTION price_with_tax(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT round(p * 1.25, 2)';
CREATE VIEW priced_items AS SELECT id, price_with_tax(price) AS gross FROM items;
CREATE FUNCTION item_count() RETURNS bigint LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
    AS $$ BEGIN RETURN (SELECT count(*) FROM items WHERE price > 0); END $$;
