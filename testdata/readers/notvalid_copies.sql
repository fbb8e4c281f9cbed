-- NOT VALID checks of partitioned tables and inheritance parents. A child
-- created after the check gets a validated copy (pg_dump prints it as the
-- child's own); a child that existed before gets a copy not valid; a child
-- validated on its own has a valid copy; a partition of a partition created
-- after the check copies its parent's (not valid) copy as valid.
CREATE TABLE pt (a int, b int, c text) PARTITION BY LIST (a);
CREATE TABLE pt_before PARTITION OF pt FOR VALUES IN (1);
CREATE TABLE pt_sub PARTITION OF pt FOR VALUES IN (2) PARTITION BY LIST (b);
CREATE TABLE pt_validated PARTITION OF pt FOR VALUES IN (5);
ALTER TABLE pt ADD CONSTRAINT pt_b_positive CHECK (b > 0) NOT VALID;
ALTER TABLE pt ADD CONSTRAINT "Pt c set" CHECK (c IS NOT NULL) NOT VALID;
CREATE TABLE pt_after PARTITION OF pt FOR VALUES IN (3);
CREATE TABLE pt_sub_after PARTITION OF pt_sub FOR VALUES IN (1);
CREATE TABLE pt_own (c text, b int, a int, CONSTRAINT pt_b_positive CHECK (b > 0), CONSTRAINT "Pt c set" CHECK (c IS NOT NULL));
ALTER TABLE pt ATTACH PARTITION pt_own FOR VALUES IN (4);
ALTER TABLE pt_validated VALIDATE CONSTRAINT pt_b_positive;

CREATE TABLE ih (a int, b int);
CREATE TABLE ih_before () INHERITS (ih);
ALTER TABLE ih ADD CONSTRAINT ih_b CHECK (b <> 0) NOT VALID;
CREATE TABLE ih_after (x int) INHERITS (ih);

-- A NOT VALID check validated afterwards leaves no copy of its own.
CREATE TABLE pv (a int, b int) PARTITION BY RANGE (a);
ALTER TABLE pv ADD CONSTRAINT pv_b CHECK (b < 100) NOT VALID;
CREATE TABLE pv_1 PARTITION OF pv FOR VALUES FROM (0) TO (10);
ALTER TABLE pv VALIDATE CONSTRAINT pv_b;
