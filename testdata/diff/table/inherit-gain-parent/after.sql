CREATE TABLE base (id int NOT NULL, d int DEFAULT 1, CONSTRAINT base_id_check CHECK (id > 0));
CREATE TABLE solo (id int NOT NULL, x int, d int DEFAULT 2, CONSTRAINT base_id_check CHECK (id > 0)) INHERITS (base);
