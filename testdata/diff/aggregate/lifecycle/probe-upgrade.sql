SELECT median(v), middle(0.5::float8) WITHIN GROUP (ORDER BY v) FROM readings;
