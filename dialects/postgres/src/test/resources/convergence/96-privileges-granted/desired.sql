CREATE SCHEMA app;
CREATE TABLE app.accounts (id int PRIMARY KEY, email text NOT NULL, balance numeric);
CREATE SEQUENCE app.invoice_no;
CREATE TYPE app.status AS ENUM ('open', 'closed');
CREATE DOMAIN app.positive AS numeric CHECK (VALUE > 0);
CREATE TYPE app.money_pair AS (amount numeric, currency text);
CREATE TABLE app.orders (id int PRIMARY KEY, account_id int NOT NULL, status app.status NOT NULL, total app.positive);
CREATE VIEW app.open_orders AS SELECT id, account_id FROM app.orders WHERE status = 'open';
CREATE MATERIALIZED VIEW app.order_totals AS SELECT account_id, sum(total) AS total FROM app.orders GROUP BY account_id;
CREATE FUNCTION app.order_count(a int) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM app.orders WHERE account_id = a $$;
CREATE PROCEDURE app.close_order(o int) LANGUAGE sql AS $$ UPDATE app.orders SET status = 'closed' WHERE id = o $$;

GRANT USAGE ON SCHEMA app TO {{reader}}, {{writer}};
GRANT CREATE ON SCHEMA app TO {{writer}} WITH GRANT OPTION;
GRANT SELECT ON app.accounts TO {{reader}};
GRANT SELECT (id, email), UPDATE (email) ON app.accounts TO {{writer}};
GRANT SELECT, INSERT, UPDATE, DELETE ON app.orders TO {{writer}};
GRANT SELECT ON app.orders TO {{reader}} WITH GRANT OPTION;
GRANT SELECT ON app.open_orders TO {{reader}};
GRANT SELECT ON app.order_totals TO {{reader}};
GRANT USAGE, SELECT ON SEQUENCE app.invoice_no TO {{writer}};
GRANT EXECUTE ON FUNCTION app.order_count(int) TO {{reader}};
GRANT EXECUTE ON PROCEDURE app.close_order(int) TO {{writer}};
GRANT USAGE ON TYPE app.status TO {{reader}};
GRANT USAGE ON DOMAIN app.positive TO {{writer}};
GRANT USAGE ON TYPE app.money_pair TO {{writer}};
