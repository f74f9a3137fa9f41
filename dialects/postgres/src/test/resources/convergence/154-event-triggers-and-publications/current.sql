CREATE SCHEMA app;
CREATE TABLE app.orders (id int PRIMARY KEY, status text, total numeric);
CREATE TABLE app.customers (id int PRIMARY KEY, name text);
CREATE PUBLICATION app_orders FOR TABLE app.orders;
CREATE PUBLICATION app_old FOR TABLE app.customers WITH (publish = 'insert');
