INSERT INTO item VALUES (1, ROW(12.5, 'short')), (2, NULL), (3, ROW(NULL, NULL));
