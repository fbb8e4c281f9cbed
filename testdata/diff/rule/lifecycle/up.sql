DROP RULE items_gone ON public.items;

DROP RULE items_log ON public.items;

CREATE VIEW public.live_items AS
SELECT id, name FROM items WHERE NOT deleted;

CREATE RULE items_log AS ON UPDATE TO public.items WHERE (new.name IS DISTINCT FROM old.name) DO INSERT INTO public.item_log (id, what) VALUES (new.id, 'renamed');

CREATE RULE live_items_insert AS ON INSERT TO public.live_items DO INSTEAD INSERT INTO public.items (id, name) VALUES (new.id, new.name);

ALTER TABLE public.items DISABLE RULE items_no_delete;

COMMENT ON RULE items_log ON public.items IS 'keeps a log';
