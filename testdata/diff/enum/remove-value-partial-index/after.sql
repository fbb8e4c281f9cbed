CREATE TYPE color AS ENUM ('red', 'green');
CREATE TABLE paint (id integer PRIMARY KEY, col color NOT NULL DEFAULT 'green');
CREATE INDEX paint_not_red ON paint (id) WHERE col <> 'red';
CREATE INDEX paint_col ON paint (col);
CREATE VIEW red_paint AS SELECT id FROM paint WHERE col = 'red';
