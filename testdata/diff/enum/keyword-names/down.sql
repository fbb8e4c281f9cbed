ALTER TYPE public.json ADD VALUE 'b' AFTER 'a';

ALTER TYPE public.merge_action ADD VALUE 'delete' AFTER 'update';
