-- A JSON column carries its json_valid CHECK: a new default is a MODIFY that copies the table.
CREATE TABLE users (id INT PRIMARY KEY, friend_ids JSON DEFAULT (json_array()), tags JSON);
