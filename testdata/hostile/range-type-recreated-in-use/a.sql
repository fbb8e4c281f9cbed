CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TABLE r (id int, fr floatrange);
INSERT INTO r VALUES (1, '[1.5,2.5)');
