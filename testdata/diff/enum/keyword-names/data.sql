INSERT INTO audit VALUES (1, 'insert', 'a'), (2, 'update', 'c');
