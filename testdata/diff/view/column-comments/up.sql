DROP VIEW public.rebuilt;

CREATE VIEW public.fresh AS
SELECT n FROM src;

CREATE MATERIALIZED VIEW public.mat AS
SELECT id FROM src;

CREATE VIEW public.rebuilt AS
SELECT id, label FROM src;

COMMENT ON COLUMN public.fresh.n IS 'count';

COMMENT ON COLUMN public.mat.id IS 'key';

COMMENT ON COLUMN public.plain.id IS NULL;

COMMENT ON COLUMN public.plain.label IS 'new';

COMMENT ON COLUMN public.rebuilt.label IS 'survives';
