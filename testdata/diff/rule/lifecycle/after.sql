CREATE TABLE items (id integer PRIMARY KEY, name text, deleted boolean DEFAULT false);
CREATE TABLE item_log (id integer, what text);
CREATE RULE items_no_delete AS ON DELETE TO items DO INSTEAD UPDATE items SET deleted = true WHERE id = old.id;
ALTER TABLE items DISABLE RULE items_no_delete;
CREATE RULE items_log AS ON UPDATE TO items WHERE new.name IS DISTINCT FROM old.name
    DO ALSO INSERT INTO item_log VALUES (new.id, 'renamed');
COMMENT ON RULE items_log ON items IS 'keeps a log';
CREATE VIEW live_items AS SELECT id, name FROM items WHERE NOT deleted;
CREATE RULE live_items_insert AS ON INSERT TO live_items DO INSTEAD INSERT INTO items (id, name) VALUES (new.id, new.name);
