CREATE TABLE public.legacy (
    id integer NOT NULL,
    note text,
    CONSTRAINT legacy_pkey PRIMARY KEY (id)
);
