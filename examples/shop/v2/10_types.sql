CREATE TYPE sales.order_status AS ENUM ('pending', 'paid', 'packed', 'shipped', 'delivered', 'cancelled');
CREATE TYPE sales.payment_method AS ENUM ('card', 'invoice', 'voucher');
