INSERT INTO paint VALUES (1, 'red'), (2, 'green'), (3, DEFAULT);
