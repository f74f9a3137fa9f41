CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100));
CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100), price DECIMAL(8,2));
CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, product_id INT, FOREIGN KEY (customer_id) REFERENCES customers (id), FOREIGN KEY (product_id) REFERENCES products (id));
CREATE VIEW order_view AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id;
INSERT INTO customers (name) VALUES ('a'); INSERT INTO products (title, price) VALUES ('p', 1.00); INSERT INTO orders (customer_id, product_id) VALUES (1, 1);
