-- Nothing of the tree exists yet: the revision creates it whole, with
-- indexes and a key left partial (ON ONLY, not every partition attached).
CREATE TABLE other (id int PRIMARY KEY);
