CREATE TABLE keep (id int PRIMARY KEY);
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
