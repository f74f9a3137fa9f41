CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL DEFAULT '', email VARCHAR(255), UNIQUE KEY uq_email (email));
CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL, placed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, status ENUM('new','paid') NOT NULL DEFAULT 'new', KEY ix_status (status), CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE);
CREATE VIEW order_view AS SELECT o.id, c.name, o.status FROM orders o JOIN customers c ON c.id = o.customer_id;
