CREATE SCHEMA app;
CREATE TABLE app.accounts (id int PRIMARY KEY, email text NOT NULL, balance numeric);
CREATE SEQUENCE app.invoice_no;
