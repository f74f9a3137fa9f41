-- converge:renamed-from purchase
CREATE TABLE orders (
    id int PRIMARY KEY,
    -- converge:renamed-from amount
    total numeric
);
GRANT SELECT ON orders TO {{reader}};
GRANT UPDATE (total) ON orders TO {{reader}};
