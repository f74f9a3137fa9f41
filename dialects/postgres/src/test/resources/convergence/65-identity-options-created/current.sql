CREATE TABLE kept (x int);
INSERT INTO kept VALUES (1), (2);
