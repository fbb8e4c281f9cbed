DROP PROCEDURE public.note(text);
