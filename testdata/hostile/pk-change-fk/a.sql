CREATE TABLE a (id int NOT NULL, code text NOT NULL, CONSTRAINT a_pkey PRIMARY KEY (id), CONSTRAINT a_code_key UNIQUE (code));
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id), a_code text REFERENCES a (code));
