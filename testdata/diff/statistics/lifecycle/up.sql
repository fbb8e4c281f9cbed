DROP STATISTICS public.zips_gone;

DROP STATISTICS public.zips_mcv;

CREATE SCHEMA st;

CREATE STATISTICS public.zips_mcv (ndistinct, mcv) ON city, state FROM public.zips;

CREATE STATISTICS st.zips_expr ON (lower(city)), (pop / 1000) FROM public.zips;

ALTER STATISTICS public.zips_city_state SET STATISTICS 500;

COMMENT ON STATISTICS public.zips_city_state IS 'cities by state';
