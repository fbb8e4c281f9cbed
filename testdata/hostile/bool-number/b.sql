CREATE TABLE flags (id int PRIMARY KEY, active boolean, deleted bigint, archived boolean, hidden boolean);
