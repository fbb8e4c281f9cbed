-- The types' own storage again, but for the title, which changes.
CREATE DOMAIN note AS text;
CREATE TABLE doc (
    id integer,
    body text,
    summary note,
    amount numeric,
    tags text[],
    title varchar(200)
);
ALTER TABLE doc ALTER COLUMN title SET STORAGE MAIN;
