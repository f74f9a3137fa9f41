-- converge:renamed-from customers
CREATE TABLE clients (
  id INT PRIMARY KEY,
  -- converge:renamed-from full_name
  display_name VARCHAR(50),
  # converge:renamed-from `city`
  town VARCHAR(30),
  KEY ix_city (town)
);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES clients (id));
