CREATE TABLE t (id int, v text);
CREATE FUNCTION f(p int) RETURNS TABLE (id int, v text) LANGUAGE sql STABLE AS $$ SELECT id, v FROM t WHERE id = p $$;
CREATE FUNCTION g(IN a int, OUT b int, OUT c text) LANGUAGE sql AS $$ SELECT a, 'x' $$;
CREATE VIEW fv AS SELECT * FROM f(1);
