CREATE TYPE status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
