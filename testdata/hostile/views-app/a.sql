CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz, plan text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, total numeric(12,2) NOT NULL, status text NOT NULL, qty int, created_at timestamptz NOT NULL DEFAULT now());
