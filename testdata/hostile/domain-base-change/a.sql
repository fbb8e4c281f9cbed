CREATE DOMAIN money_amt AS numeric(10,2) CHECK (VALUE >= 0);
CREATE TABLE t (a money_amt, b money_amt DEFAULT 0);
CREATE VIEW tv AS SELECT a + b AS s FROM t;
