CREATE TABLE src (id int, v int);
CREATE TABLE report (id int, total int);
