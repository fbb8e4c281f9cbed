CREATE TABLE a (id int NOT NULL, code text NOT NULL, CONSTRAINT a_pkey PRIMARY KEY (code), CONSTRAINT a_id_key UNIQUE (id));
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id), a_code text REFERENCES a (code));
