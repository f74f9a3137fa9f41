CREATE TABLE customers (id INT PRIMARY KEY, full_name VARCHAR(50), city VARCHAR(30), KEY ix_city (city));
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'Arlington');
INSERT INTO orders VALUES (10, 1), (11, 2);
