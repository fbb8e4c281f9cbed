-- Columns with another storage than their type's; after.sql gives most of
-- them their type's back, which PostgreSQL 15 can only be told by name.
CREATE DOMAIN note AS text;
CREATE TABLE doc (
    id integer,
    body text,
    summary note,
    amount numeric,
    tags text[],
    title varchar(200)
);
ALTER TABLE doc ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE doc ALTER COLUMN summary SET STORAGE MAIN;
ALTER TABLE doc ALTER COLUMN amount SET STORAGE EXTENDED;
ALTER TABLE doc ALTER COLUMN tags SET STORAGE EXTERNAL;
