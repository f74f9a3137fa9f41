CREATE TABLE t (id INT PRIMARY KEY, a INT);
-- a definer other than the applying user is kept and compared
CREATE DEFINER=`mysql`@`localhost` TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;
CREATE DEFINER='mysql'@'localhost' PROCEDURE p() SQL SECURITY INVOKER SELECT 1;
