CREATE FOREIGN TABLE public.imports (id integer, "note's" text) SERVER files OPTIONS (filename '/tmp/it''s.csv', format 'csv', header 'true');

ALTER FOREIGN TABLE public.imports ALTER COLUMN "note's" OPTIONS (ADD force_not_null 'true');
