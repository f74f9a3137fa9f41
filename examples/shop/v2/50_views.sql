-- Views read tables declared in other files: Converge loads them in dependency order.
CREATE VIEW sales.order_totals AS
SELECT o.id AS order_id, o.customer_id, o.status, sum(l.quantity * l.unit_price) AS total
FROM sales.orders o
JOIN sales.order_lines l ON l.order_id = o.id
GROUP BY o.id, o.customer_id, o.status;

CREATE VIEW sales.customer_revenue AS
SELECT c.id AS customer_id, c.email, coalesce(sum(t.total), 0) AS revenue
FROM sales.customers c
LEFT JOIN sales.order_totals t ON t.customer_id = c.id AND t.status <> 'cancelled'
GROUP BY c.id, c.email;

CREATE VIEW catalog.low_stock AS
SELECT p.sku, p.name, s.on_hand
FROM catalog.products p
JOIN catalog.stock s ON s.product_id = p.id
WHERE s.on_hand < 5;
