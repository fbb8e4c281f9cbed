-- serial columns widened to bigserial, and a smallserial to serial, with
-- rows (the sequences keep their positions) and a foreign key to the key.
CREATE TABLE accounts (id serial PRIMARY KEY, n smallserial, name text);
CREATE TABLE entries (id bigserial PRIMARY KEY, account int REFERENCES accounts);
INSERT INTO accounts (name) VALUES ('a'), ('b');
INSERT INTO entries (account) VALUES (1), (2);
