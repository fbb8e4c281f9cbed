INSERT INTO events (at, kind) VALUES ('2023-05-01', 'a'), ('2024-02-01', 'b'), ('2023-12-31', 'c');
INSERT INTO refs VALUES (1, '2023-05-01');
INSERT INTO m VALUES (5, '2023-01-01', 'x'), (150, '2024-06-01', 'y'), (20, '2025-01-01', 'z');
INSERT INTO logs (line) VALUES ('one'), ('two'), ('three');
