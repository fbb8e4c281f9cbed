CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE r (room int, slot int, EXCLUDE USING gist (room WITH =, slot WITH =) WHERE (slot > 0));
