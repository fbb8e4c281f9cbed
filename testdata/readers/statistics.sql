-- Extended statistics: all kinds, some kinds, expressions, a target, in
-- another schema than their table.
CREATE SCHEMA st;
CREATE TABLE zips (city text, state text, zip text, pop integer);
CREATE STATISTICS zips_city_state ON state, city FROM zips;
CREATE STATISTICS st.zips_deps (dependencies, ndistinct) ON zip, city, state FROM zips;
CREATE STATISTICS zips_mcv (mcv) ON city, (lower(state)) FROM zips;
CREATE STATISTICS zips_expr ON (pop / 1000) FROM zips;
ALTER STATISTICS zips_city_state SET STATISTICS 500;
COMMENT ON STATISTICS st.zips_deps IS 'functional dependencies';
