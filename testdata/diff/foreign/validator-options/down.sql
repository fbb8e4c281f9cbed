DROP FOREIGN TABLE public.imports;
