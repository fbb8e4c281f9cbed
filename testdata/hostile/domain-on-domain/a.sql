CREATE DOMAIN posint AS int CHECK (VALUE > 0);
CREATE DOMAIN smallpos AS posint CHECK (VALUE < 100);
CREATE TABLE t (a smallpos, b posint DEFAULT 1);
