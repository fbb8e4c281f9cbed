CREATE TABLE legacy (id int PRIMARY KEY, note text);
