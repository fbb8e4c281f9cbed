INSERT INTO live_items VALUES (2, 'two');
DELETE FROM items WHERE id = 2;
