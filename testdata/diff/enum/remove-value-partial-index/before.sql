CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE paint (id integer PRIMARY KEY, col color NOT NULL DEFAULT 'green');
CREATE INDEX paint_not_red ON paint (id) WHERE col <> 'red';
CREATE INDEX paint_col ON paint (col);
ALTER TABLE paint ADD CONSTRAINT paint_no_blue_ids CHECK (col <> 'blue' OR id > 0);
CREATE VIEW red_paint AS SELECT id FROM paint WHERE col = 'red';
