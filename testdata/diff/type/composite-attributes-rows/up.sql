ALTER TYPE public.addr RENAME TO addr__autogen_old;

CREATE TYPE public.addr AS (street text, zip text, city text);

ALTER TABLE public.cust ALTER COLUMN a TYPE public.addr USING CASE WHEN a::text IS NULL THEN NULL ELSE ROW((a).street, (a).zip::text, NULL::text)::public.addr END;

DROP TYPE public.addr__autogen_old;
