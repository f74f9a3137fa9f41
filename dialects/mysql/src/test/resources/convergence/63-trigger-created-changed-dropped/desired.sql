CREATE TABLE t (id INT PRIMARY KEY, a INT, changed_at DATETIME);
CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(20));
-- the body changes: dropped and created again
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = COALESCE(NEW.a, 1);
-- t_au goes; new triggers on DELETE and on UPDATE
CREATE TRIGGER t_ad AFTER DELETE ON t FOR EACH ROW INSERT INTO audit (what) VALUES ('delete');
CREATE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW SET NEW.changed_at = NOW();
