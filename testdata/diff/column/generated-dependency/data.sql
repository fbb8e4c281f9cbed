INSERT INTO g (id, nm) VALUES (1, 1.25), (2, 100);
