ALTER TYPE public.price RENAME TO price__autogen_old;

CREATE TYPE public.price AS (amount numeric(12,4), label character varying(20));

ALTER TABLE public.item ALTER COLUMN p TYPE public.price USING CASE WHEN p::text IS NULL THEN NULL ELSE ROW((p).amount::numeric(12,4), (p).label::character varying(20))::public.price END;

DROP TYPE public.price__autogen_old;
