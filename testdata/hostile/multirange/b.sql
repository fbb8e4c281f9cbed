CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TABLE r (id int, span int4range, spans int4multirange, f floatrange, fm floatmultirange);
