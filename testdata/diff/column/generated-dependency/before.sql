CREATE TABLE g (id integer PRIMARY KEY, nm numeric, doubled numeric GENERATED ALWAYS AS (nm * 2) STORED);
