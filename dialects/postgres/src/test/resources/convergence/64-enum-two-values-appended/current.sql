CREATE TYPE status AS ENUM ('new', 'paid');
