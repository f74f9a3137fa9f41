CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, c INT);
-- order: one, two, three; two's body changes, so three must be created again after it
CREATE TRIGGER two BEFORE INSERT ON t FOR EACH ROW SET NEW.b = NEW.a + 2;
CREATE TRIGGER three BEFORE INSERT ON t FOR EACH ROW FOLLOWS two SET NEW.c = NEW.b + 1;
CREATE TRIGGER one BEFORE INSERT ON t FOR EACH ROW PRECEDES two SET NEW.a = COALESCE(NEW.a, 0);
