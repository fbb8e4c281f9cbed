CREATE TYPE int4alias;
CREATE FUNCTION int4alias_in(cstring) RETURNS int4alias LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION int4alias_out(int4alias) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE TYPE int4alias (INPUT = int4alias_in, OUTPUT = int4alias_out, INTERNALLENGTH = 4, PASSEDBYVALUE,
    ALIGNMENT = int4, CATEGORY = 'N');
COMMENT ON TYPE int4alias IS 'an integer by another name';
CREATE DOMAIN positive_alias AS int4alias;
CREATE TABLE aliases (a int4alias, b positive_alias, c int4alias[]);
