CREATE TABLE items (id integer PRIMARY KEY, name text, deleted boolean DEFAULT false);
CREATE TABLE item_log (id integer, what text);
CREATE RULE items_no_delete AS ON DELETE TO items DO INSTEAD UPDATE items SET deleted = true WHERE id = old.id;
CREATE RULE items_log AS ON UPDATE TO items DO ALSO INSERT INTO item_log VALUES (new.id, 'updated');
CREATE RULE items_gone AS ON INSERT TO items WHERE new.id < 0 DO INSTEAD NOTHING;
