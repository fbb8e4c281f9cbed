INSERT INTO bookings VALUES (1, '[1,2)');
