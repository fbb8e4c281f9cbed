ALTER TYPE public.addr DROP ATTRIBUTE zip, ADD ATTRIBUTE city text;
