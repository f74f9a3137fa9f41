CREATE TABLE users (id INT PRIMARY KEY, friend_ids JSON, tags JSON DEFAULT (json_array()));
