-- PL/pgSQL functions created in the same revision as the table and the
-- composite type their declarations name (%ROWTYPE, an array of the
-- composite): PostgreSQL checks the declarations when a function is
-- created, before the table and the type exist in dependency order.
CREATE TABLE keep (id int);
