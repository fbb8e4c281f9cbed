-- Domains change in every way short of their base type, with a column of
-- each holding a row: a check added, one changed under its name, a default
-- and NOT NULL swapped, one on another domain, one whose check calls a
-- function that changes, one with a collation, one used by a function.
CREATE SCHEMA schema_1;
CREATE FUNCTION schema_1.assert_finite_numeric(val numeric) RETURNS boolean LANGUAGE plpgsql IMMUTABLE
    AS $$BEGIN IF val IS NULL OR val = 'NaN'::numeric THEN RAISE EXCEPTION 'not finite'; END IF; RETURN true; END$$;
CREATE DOMAIN positive_numeric AS numeric(10, 2);
CREATE DOMAIN renamed_check AS numeric(10, 2) CONSTRAINT renamed_check_check CHECK (VALUE > 0);
CREATE DOMAIN with_default AS text DEFAULT 'a';
CREATE DOMAIN with_not_null AS text NOT NULL;
CREATE DOMAIN schema_1.base_domain AS numeric(10, 2) CONSTRAINT base_domain_check CHECK (VALUE > 0);
CREATE DOMAIN schema_1.derived_domain AS schema_1.base_domain CONSTRAINT derived_domain_check CHECK (VALUE < 100);
CREATE DOMAIN schema_1.finite_numeric AS numeric CONSTRAINT finite_numeric_check CHECK (schema_1.assert_finite_numeric(VALUE));
CREATE DOMAIN c_text AS text COLLATE "C" CONSTRAINT c_text_check CHECK (VALUE <> '');
CREATE FUNCTION double(val positive_numeric) RETURNS positive_numeric LANGUAGE sql IMMUTABLE AS $$ SELECT (val * 2)::positive_numeric $$;
CREATE TABLE foo (
    a positive_numeric, b renamed_check, c with_default, d with_not_null,
    e schema_1.derived_domain, f schema_1.finite_numeric, g c_text
);
INSERT INTO foo VALUES (1, 2, 'x', 'y', 50, 3, 'z');
