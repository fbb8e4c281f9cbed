-- pg_partman (postgresql-15-partman, which .ci/run installs) in a schema
-- of its own: its tables, functions and types are the extension's and are
-- not read; the partitioned table it would manage, its partitions and the
-- template table users create beside it are.
CREATE SCHEMA partman;
CREATE EXTENSION pg_partman SCHEMA partman;
CREATE TABLE public.measurements (id bigint NOT NULL, at timestamptz NOT NULL, value numeric) PARTITION BY RANGE (at);
CREATE TABLE public.measurements_p2026 PARTITION OF public.measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE public.measurements_default PARTITION OF public.measurements DEFAULT;
CREATE TABLE partman.template_public_measurements (LIKE public.measurements);
ALTER TABLE partman.template_public_measurements ADD PRIMARY KEY (id);
CREATE FUNCTION public.partitions_of(t text) RETURNS SETOF text LANGUAGE sql STABLE
    AS $$ SELECT partition_tablename FROM partman.show_partitions(t) $$;
