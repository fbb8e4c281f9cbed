DROP VIEW public.red_paint;

ALTER TABLE public.paint DROP CONSTRAINT paint_no_blue_ids;

DROP INDEX public.paint_not_red;

ALTER TABLE public.paint ALTER COLUMN col DROP DEFAULT;

ALTER TYPE public.color RENAME TO color__autogen_old;

CREATE TYPE public.color AS ENUM ('red', 'green');

ALTER TABLE public.paint ALTER COLUMN col TYPE public.color USING col::text::public.color;

ALTER TABLE public.paint ALTER COLUMN col SET DEFAULT 'green';

DROP TYPE public.color__autogen_old;

CREATE INDEX paint_not_red ON public.paint (id) WHERE col <> 'red';

CREATE VIEW public.red_paint AS
SELECT id FROM paint WHERE col = 'red';
