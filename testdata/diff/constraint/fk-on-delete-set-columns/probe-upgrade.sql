DELETE FROM account WHERE id = 10;
