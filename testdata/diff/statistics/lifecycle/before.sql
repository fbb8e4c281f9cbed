CREATE TABLE zips (city text, state text, zip text, pop integer);
CREATE STATISTICS zips_city_state ON city, state FROM zips;
CREATE STATISTICS zips_gone ON zip, city FROM zips;
CREATE STATISTICS zips_mcv (mcv) ON city, state FROM zips;
