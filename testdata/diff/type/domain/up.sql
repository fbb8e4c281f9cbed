CREATE DOMAIN public.email AS text NOT NULL CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');

CREATE TABLE public.u (
    e public.email
);
