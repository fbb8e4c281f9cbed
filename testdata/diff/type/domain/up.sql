CREATE DOMAIN public.email AS text NOT NULL CONSTRAINT email_has_at CHECK (value ~~ '%@%');

CREATE TABLE public.u (
    e public.email
);
