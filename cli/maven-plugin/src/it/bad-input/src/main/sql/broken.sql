CREATE TABLE ok (id int PRIMARY KEY);

CREATE TABLE broken (id int PRIMARY KEY,, name text);
