-- only the case of the names changes: renamed, the values kept
CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(255), phone VARCHAR(20));
