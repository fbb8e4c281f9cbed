INSERT INTO child (id, y) VALUES (1, 2);
INSERT INTO measure VALUES (1, 'a');
