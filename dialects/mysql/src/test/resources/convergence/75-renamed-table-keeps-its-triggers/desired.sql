-- converge:renamed-from old_items
CREATE TABLE items (id INT PRIMARY KEY, qty INT);
CREATE TRIGGER items_bi BEFORE INSERT ON items FOR EACH ROW SET NEW.qty = GREATEST(NEW.qty, 0);
CREATE TRIGGER items_bi2 BEFORE INSERT ON items FOR EACH ROW SET NEW.qty = NEW.qty + 0;
