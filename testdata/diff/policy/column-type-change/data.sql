INSERT INTO docs VALUES (1, 'alice', 'x'), (2, 'bob', 'y');
