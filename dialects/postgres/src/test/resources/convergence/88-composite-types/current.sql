CREATE TYPE money_amount AS (amount numeric, currency char(3));
CREATE TYPE old_pair AS (a int, b int);
CREATE TYPE point3 AS (x int, y int, z int);
