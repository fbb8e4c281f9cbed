ALTER TYPE public.price RENAME TO price__autogen_old;

CREATE TYPE public.price AS (amount numeric(10,2), label character varying(8));

ALTER TABLE public.item ALTER COLUMN p TYPE public.price USING CASE WHEN p::text IS NULL THEN NULL ELSE ROW((p).amount::numeric(10,2), (p).label::character varying(8))::public.price END;

DROP TYPE public.price__autogen_old;
