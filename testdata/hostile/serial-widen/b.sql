CREATE TABLE accounts (id bigserial PRIMARY KEY, n serial, name text);
CREATE TABLE entries (id bigserial PRIMARY KEY, account bigint REFERENCES accounts);
