CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (id int, a int, b int, FOREIGN KEY (a, b) REFERENCES p ON DELETE CASCADE);
