CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE booking (room int, during tsrange, cancelled boolean DEFAULT false, EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled));
