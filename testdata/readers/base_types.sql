-- Base types from I/O functions: the shell type first, its functions,
-- then the full definition; a domain and a column over one, an array of
-- one.
CREATE TYPE int4alias;
CREATE FUNCTION int4alias_in(cstring) RETURNS int4alias LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION int4alias_out(int4alias) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE TYPE int4alias (INPUT = int4alias_in, OUTPUT = int4alias_out, INTERNALLENGTH = 4, PASSEDBYVALUE,
    ALIGNMENT = int4, CATEGORY = 'N');
COMMENT ON TYPE int4alias IS 'an integer by another name';
CREATE TYPE textalias;
CREATE FUNCTION textalias_in(cstring) RETURNS textalias LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION textalias_out(textalias) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE FUNCTION textalias_recv(internal) RETURNS textalias LANGUAGE internal IMMUTABLE STRICT AS 'textrecv';
CREATE FUNCTION textalias_send(textalias) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'textsend';
CREATE TYPE textalias (INPUT = textalias_in, OUTPUT = textalias_out, RECEIVE = textalias_recv, SEND = textalias_send,
    STORAGE = extended, COLLATABLE = true, PREFERRED = false, DEFAULT = 'none');
CREATE DOMAIN small_alias AS int4alias;
CREATE TABLE aliases (a int4alias, b textalias, c int4alias[], d small_alias);
