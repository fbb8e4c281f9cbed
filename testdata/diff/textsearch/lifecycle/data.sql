INSERT INTO docs VALUES ('Crème brûlée with email me@example.com');
