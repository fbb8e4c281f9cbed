INSERT INTO child (id, y) VALUES (1, 2);
