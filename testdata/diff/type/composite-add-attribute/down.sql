ALTER TYPE public.addr DROP ATTRIBUTE city, ADD ATTRIBUTE zip text;
