-- Range types (and their multirange types and constructors), with a
-- difference function, a collation, an operator class, a domain over
-- one, and columns and functions that use them.
CREATE SCHEMA r;
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE r.textrange_c AS RANGE (subtype = text, collation = "C", multirange_type_name = r.text_ranges);
CREATE TYPE textrange_pattern AS RANGE (subtype = text, subtype_opclass = text_pattern_ops);
CREATE TYPE timerange AS RANGE (subtype = time, subtype_opclass = time_ops);
COMMENT ON TYPE floatrange IS 'floats between';
CREATE DOMAIN positive_range AS floatrange CHECK (lower(VALUE) >= 0);
CREATE TABLE bookings (during floatrange, many floatmultirange, name_range r.textrange_c, p positive_range,
    CHECK (NOT isempty(during)));
CREATE FUNCTION whole() RETURNS floatrange LANGUAGE sql AS $$ SELECT floatrange(0, 1) $$;
CREATE VIEW v AS SELECT floatrange(1, 2) AS one, floatmultirange(floatrange(1, 2)) AS many;
