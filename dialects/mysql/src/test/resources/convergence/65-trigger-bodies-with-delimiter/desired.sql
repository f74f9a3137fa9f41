CREATE TABLE orders (id INT PRIMARY KEY, qty INT NOT NULL, status VARCHAR(10));

DELIMITER //
CREATE TRIGGER orders_check BEFORE INSERT ON orders
FOR EACH ROW
BEGIN
  DECLARE msg VARCHAR(100) DEFAULT 'qty must be positive; got it?';
  DECLARE CONTINUE HANDLER FOR SQLSTATE '22003' SET NEW.qty = 1;
  IF NEW.qty <= 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = msg;
  END IF;
  CASE NEW.status
    WHEN 'new' THEN SET NEW.status = 'NEW';
    ELSE SET NEW.status = COALESCE(NEW.status, 'NEW');
  END CASE;
END//

CREATE PROCEDURE close_all(IN why VARCHAR(20))
BEGIN
  UPDATE orders SET status = 'closed'; -- a comment; with a semicolon
  SELECT why;
END //
DELIMITER ;

CREATE TABLE notes (id INT PRIMARY KEY);
