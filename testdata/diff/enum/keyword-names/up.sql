ALTER TABLE public.audit ALTER COLUMN kind DROP DEFAULT;

ALTER TYPE public.json RENAME TO json__autogen_old;

ALTER TYPE public.merge_action RENAME TO merge_action__autogen_old;

CREATE TYPE public.json AS ENUM ('a', 'c');

CREATE TYPE public.merge_action AS ENUM ('insert', 'update');

ALTER TABLE public.audit ALTER COLUMN act TYPE public.merge_action USING act::text::public.merge_action;

ALTER TABLE public.audit ALTER COLUMN kind TYPE public.json USING kind::text::public.json;

ALTER TABLE public.audit ALTER COLUMN kind SET DEFAULT 'a';

DROP TYPE public.merge_action__autogen_old;

DROP TYPE public.json__autogen_old;
