-- An enum loses a value while a partition key expression (not the
-- column itself) reads a column of it: PostgreSQL cannot convert the
-- column either way, so the tree is created anew around the swap.
CREATE TYPE rg AS ENUM ('n', 's', 'e');
CREATE TABLE kx (id int, r rg) PARTITION BY RANGE ((r < 's'));
CREATE TABLE kx_lo PARTITION OF kx FOR VALUES FROM (false) TO (true);
CREATE TABLE kx_hi PARTITION OF kx FOR VALUES FROM (true) TO (MAXVALUE);
INSERT INTO kx VALUES (1, 'n'), (2, 's');
