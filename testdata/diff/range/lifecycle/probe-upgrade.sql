INSERT INTO bookings (id, during, names, many) VALUES (2, '[2,3)', textrange_c('a', 'b'), floatmultirange(floatrange(1, 2)));
