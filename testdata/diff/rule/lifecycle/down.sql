DROP RULE live_items_insert ON public.live_items;

DROP VIEW public.live_items;

DROP RULE items_log ON public.items;

CREATE RULE items_gone AS ON INSERT TO public.items WHERE (new.id < 0) DO INSTEAD NOTHING;

CREATE RULE items_log AS ON UPDATE TO public.items DO INSERT INTO public.item_log (id, what) VALUES (new.id, 'updated');

ALTER TABLE public.items ENABLE RULE items_no_delete;
