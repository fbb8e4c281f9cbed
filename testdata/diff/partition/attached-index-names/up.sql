CREATE TABLE public.ev_2025 PARTITION OF public.ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

ALTER TABLE public.ev ADD CONSTRAINT ev_pkey PRIMARY KEY (id, at);

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
    IF (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = child) <> 'ev_2024_by_at' THEN
        EXECUTE pg_catalog.format('ALTER INDEX %s RENAME TO %I', child, 'ev_2024_by_at');
    END IF;
END
$autogen$;
