CREATE DOMAIN posint AS int CHECK (VALUE >= 0);
CREATE DOMAIN smallpos AS posint CHECK (VALUE < 1000) DEFAULT 5;
CREATE TABLE t (a smallpos, b posint DEFAULT 2);
