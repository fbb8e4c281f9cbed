CREATE TABLE g (id integer PRIMARY KEY, nm numeric(12,2), doubled numeric GENERATED ALWAYS AS (nm * 2) STORED);
