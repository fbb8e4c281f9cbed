CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TYPE daterange2 AS RANGE (subtype = date);
CREATE TABLE res (room int, span daterange2);
