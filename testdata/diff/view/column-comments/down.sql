DROP VIEW public.fresh;

DROP MATERIALIZED VIEW public.mat;

DROP VIEW public.rebuilt;

CREATE VIEW public.rebuilt AS
SELECT id, label, n FROM src;

COMMENT ON COLUMN public.plain.id IS 'gone soon';

COMMENT ON COLUMN public.plain.label IS 'old';

COMMENT ON COLUMN public.rebuilt.label IS 'survives';
