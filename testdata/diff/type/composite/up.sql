CREATE TYPE public.money_amount AS (amount numeric(12,2), currency character(3));

CREATE TABLE public.prices (
    p public.money_amount
);
