CREATE SCHEMA st;
CREATE TABLE zips (city text, state text, zip text, pop integer);
CREATE STATISTICS zips_city_state ON city, state FROM zips;
ALTER STATISTICS zips_city_state SET STATISTICS 500;
COMMENT ON STATISTICS zips_city_state IS 'cities by state';
CREATE STATISTICS zips_mcv (mcv, ndistinct) ON city, state FROM zips;
CREATE STATISTICS st.zips_expr ON (lower(city)), (pop / 1000) FROM zips;
