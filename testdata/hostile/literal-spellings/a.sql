CREATE TABLE l (id int);
