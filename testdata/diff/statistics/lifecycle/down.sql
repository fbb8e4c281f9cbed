DROP STATISTICS st.zips_expr;

DROP STATISTICS public.zips_mcv;

CREATE STATISTICS public.zips_gone ON city, zip FROM public.zips;

CREATE STATISTICS public.zips_mcv (mcv) ON city, state FROM public.zips;

ALTER STATISTICS public.zips_city_state SET STATISTICS -1;

COMMENT ON STATISTICS public.zips_city_state IS NULL;

DROP SCHEMA st;
