CREATE TYPE floatrange AS RANGE (subtype = float8);
COMMENT ON TYPE floatrange IS 'floats between';
CREATE TYPE numrange2 AS RANGE (subtype = numeric, subtype_diff = numrange_subdiff);
CREATE TYPE textrange_c AS RANGE (subtype = text, collation = "C");
CREATE DOMAIN short_text_range AS textrange_c CHECK (NOT isempty(VALUE));
CREATE TABLE bookings (id integer, during floatrange, names textrange_c, many floatmultirange);
CREATE VIEW unit AS SELECT floatrange(0, 1) AS r;
GRANT USAGE ON TYPE floatrange TO autogen_writer;
