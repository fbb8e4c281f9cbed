-- Rules: INSTEAD and ALSO, with a condition, several actions, NOTHING, on
-- a view (which makes it writable), disabled.
CREATE TABLE items (id integer PRIMARY KEY, name text, deleted boolean DEFAULT false);
CREATE TABLE item_log (id integer, what text, at timestamptz DEFAULT now());
CREATE RULE items_no_delete AS ON DELETE TO items DO INSTEAD UPDATE items SET deleted = true WHERE id = old.id;
CREATE RULE items_log AS ON UPDATE TO items WHERE new.name <> old.name
    DO ALSO (INSERT INTO item_log (id, what) VALUES (new.id, 'renamed'); DELETE FROM item_log WHERE id < 0);
CREATE RULE items_notify AS ON UPDATE TO items DO ALSO NOTIFY items_changed;
CREATE RULE items_ignore_negative AS ON INSERT TO items WHERE new.id < 0 DO INSTEAD NOTHING;
COMMENT ON RULE items_log ON items IS 'keeps a log';
CREATE VIEW live_items AS SELECT id, name FROM items WHERE NOT deleted;
CREATE RULE live_items_insert AS ON INSERT TO live_items DO INSTEAD INSERT INTO items VALUES (new.id, new.name);
ALTER TABLE items DISABLE RULE items_ignore_negative;
