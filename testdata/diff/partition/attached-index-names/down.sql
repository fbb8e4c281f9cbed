ALTER TABLE public.ev DROP CONSTRAINT ev_pkey;

ALTER TABLE public.ev DETACH PARTITION public.ev_2025;

DO $autogen$
DECLARE
    child regclass;
BEGIN
    SELECT i.inhrelid::regclass INTO child
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
    WHERE i.inhparent = 'public.ev_at'::regclass AND x.indrelid = 'public.ev_2024'::regclass;
    IF child IS NULL THEN
        RAISE EXCEPTION 'no index of % is attached to %', 'public.ev_2024', 'public.ev_at';
    END IF;
    IF (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = child) <> 'ev_2024_at_idx' THEN
        EXECUTE pg_catalog.format('ALTER INDEX %s RENAME TO %I', child, 'ev_2024_at_idx');
    END IF;
END
$autogen$;

DROP TABLE public.ev_2025;
