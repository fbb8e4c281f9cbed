-- Triggers of every kind change: a constraint trigger becomes deferred, a
-- statement trigger gains transition tables, a row trigger's column list
-- and function change, a trigger is disabled, one on a view is added.
CREATE TABLE ledger (id int PRIMARY KEY, amount numeric, note text);
CREATE VIEW ledger_v AS SELECT id, amount FROM ledger;
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE CONSTRAINT TRIGGER ledger_balance AFTER INSERT OR UPDATE ON ledger FOR EACH ROW EXECUTE FUNCTION audit();
CREATE TRIGGER ledger_stmt AFTER UPDATE ON ledger FOR EACH STATEMENT EXECUTE FUNCTION audit();
CREATE TRIGGER ledger_row BEFORE UPDATE OF amount ON ledger FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER ledger_truncate AFTER TRUNCATE ON ledger FOR EACH STATEMENT EXECUTE FUNCTION audit();
INSERT INTO ledger VALUES (1, 10, 'x');
