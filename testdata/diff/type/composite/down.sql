DROP TABLE public.prices;

DROP TYPE public.money_amount;
