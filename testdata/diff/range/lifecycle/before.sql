-- A range type whose comment changes (a column uses it), one to drop, one
-- to recreate (no column uses it), one to add with a domain over it.
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE TYPE oldrange AS RANGE (subtype = integer, multirange_type_name = old_ranges);
CREATE TYPE numrange2 AS RANGE (subtype = numeric);
CREATE TABLE bookings (id integer, during floatrange);
