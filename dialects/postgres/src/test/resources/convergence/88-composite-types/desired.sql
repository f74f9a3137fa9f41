CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3), note text COLLATE "C");
CREATE TYPE point3 AS (x int, z int);
CREATE TYPE ticket_state AS (state status, cost money_amount);
CREATE TABLE tickets (id int PRIMARY KEY, state ticket_state, history ticket_state[]);
COMMENT ON TYPE ticket_state IS 'state and cost';
