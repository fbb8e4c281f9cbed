ALTER TYPE public.color ADD VALUE 'blue' AFTER 'green';

ALTER TABLE public.paint ADD CONSTRAINT paint_no_blue_ids CHECK (col <> 'blue' OR id > 0);
