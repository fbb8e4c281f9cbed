CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi, multirange_type_name = floatmulti);
CREATE TYPE textrange AS RANGE (subtype = text, collation = "C");
CREATE TABLE r (id int, fr floatrange, tr textrange, fm floatmulti DEFAULT '{}');
COMMENT ON TYPE floatrange IS 'floats';
