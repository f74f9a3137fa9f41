CREATE TABLE purchase (id int PRIMARY KEY, amount numeric);
GRANT SELECT ON purchase TO {{reader}};
GRANT UPDATE (amount) ON purchase TO {{reader}};
