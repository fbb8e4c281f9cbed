CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int REFERENCES p);
