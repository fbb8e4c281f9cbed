CREATE DOMAIN email AS text NOT NULL CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
CREATE TABLE u (e email);
