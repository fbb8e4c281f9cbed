INSERT INTO base (id, note) VALUES (1, 'base');
INSERT INTO child (id, note, a1, a2) VALUES (2, 'child', 1, 2);
INSERT INTO grandchild (id, note, a1, a2, g) VALUES (3, 'grandchild', 1, 2, 3);
