CREATE TYPE sales.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE TYPE sales.payment_method AS ENUM ('card', 'invoice');
