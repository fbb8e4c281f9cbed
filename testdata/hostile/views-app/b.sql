CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz, plan text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, total numeric(12,2) NOT NULL, status text NOT NULL, qty int, created_at timestamptz NOT NULL DEFAULT now());
CREATE VIEW user_stats AS
SELECT u.id, u.email,
       COUNT(o.id)::int AS order_count,
       COALESCE(SUM(o.total), 0) AS lifetime_value,
       MAX(o.created_at) AS last_order_at,
       COUNT(*) FILTER (WHERE o.status = 'refunded') AS refunds,
       array_agg(DISTINCT o.status) FILTER (WHERE o.status IS NOT NULL) AS statuses,
       string_agg(DISTINCT o.status, ', ' ORDER BY o.status) AS status_list
FROM users u LEFT JOIN orders o ON o.user_id = u.id AND o.status <> 'cancelled'
WHERE u.deleted_at IS NULL
GROUP BY u.id, u.email;
CREATE VIEW daily AS
SELECT date_trunc('day', created_at) AS day, count(*) AS n, sum(total * qty) AS gross, avg(total)::numeric(12,2) AS avg_total
FROM orders GROUP BY 1 ORDER BY 1 DESC;
CREATE VIEW latest_order AS
SELECT DISTINCT ON (user_id) user_id, id AS order_id, total FROM orders ORDER BY user_id, created_at DESC, id;
CREATE VIEW user_json AS
SELECT u.id, json_build_object('email', u.email, 'orders', (SELECT json_agg(json_build_object('id', o.id, 'total', o.total) ORDER BY o.id) FROM orders o WHERE o.user_id = u.id)) AS doc,
       jsonb_build_object('plan', coalesce(u.plan, 'free')) AS meta
FROM users u;
CREATE VIEW top3 AS
SELECT u.id, t.id AS order_id, t.total FROM users u CROSS JOIN LATERAL (SELECT o.id, o.total FROM orders o WHERE o.user_id = u.id ORDER BY o.total DESC LIMIT 3) t;
CREATE VIEW inactive AS
SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM orders WHERE user_id IS NOT NULL AND created_at > now() - interval '90 days')
  AND CASE WHEN EXISTS (SELECT 1 FROM orders WHERE orders.user_id = users.id) THEN true ELSE false END;
CREATE VIEW ranked AS
SELECT id, user_id, total, rank() OVER (PARTITION BY user_id ORDER BY total DESC) AS r, sum(total) OVER (ORDER BY created_at ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS rolling,
       total / NULLIF(sum(total) OVER (PARTITION BY user_id), 0) AS share, qty * 2.5 AS weighted, (qty > 3)::int AS big
FROM orders;
CREATE VIEW months AS
SELECT m::date AS month, (SELECT count(*) FROM users WHERE created_at < m + interval '1 month') AS users_then
FROM generate_series(date_trunc('month', now()) - interval '11 months', date_trunc('month', now()), interval '1 month') AS m;
CREATE MATERIALIZED VIEW mv_stats AS SELECT user_id, sum(total) AS s FROM orders GROUP BY user_id WITH DATA;
CREATE UNIQUE INDEX mv_stats_user ON mv_stats (user_id);
