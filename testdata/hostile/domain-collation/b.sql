CREATE DOMAIN code AS text COLLATE "C" CHECK (VALUE ~ '^[A-Z0-9]+$') NOT NULL;
CREATE TABLE t (c code, d code);
