CREATE TABLE keep (id int);
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)


--
-- Name: e; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.e AS ENUM (
    'a',
    'b'
);



--
-- Name: f(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$BEGIN RETURN NULL; END$$;





--
-- Name: arr; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.arr (
    x public.e[],
    y integer[] DEFAULT '{{1}}'::integer[]
);



--
-- Name: h; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.h (
    id integer
);



--
-- Name: p; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.p (
    id integer,
    at date
)
PARTITION BY RANGE (at);



--
-- Name: p1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.p1 (
    id integer,
    at date
);



--
-- Name: pd; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.pd (
    id integer,
    at date
);



--
-- Name: s; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t (
    id integer NOT NULL,
    v text,
    n numeric
)
WITH (autovacuum_enabled='false', toast.autovacuum_enabled='false');
ALTER TABLE ONLY public.t ALTER COLUMN v SET COMPRESSION pglz;
ALTER TABLE ONLY public.t ALTER COLUMN n SET STATISTICS 500;



--
-- Name: tt; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.tt (
    a integer
);



--
-- Name: v; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.v AS
 SELECT t.id,
    t.v,
    t.n
   FROM public.t;



--
-- Name: p1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.p ATTACH PARTITION public.p1 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');


--
-- Name: pd; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.p ATTACH PARTITION public.pd DEFAULT;


--
-- Name: v v; Type: DEFAULT; Schema: public; Owner: postgres
--



--
-- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.t REPLICA IDENTITY USING INDEX t_pkey;


--
-- Name: CONSTRAINT t_pkey ON t; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON CONSTRAINT t_pkey ON public.t IS 'pk';


--
-- Name: p_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX p_at_idx ON ONLY public.p USING btree (at);


--
-- Name: p1_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX p1_at_idx ON public.p1 USING btree (at);


--
-- Name: pd_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX pd_at_idx ON public.pd USING btree (at);


--
-- Name: t_v; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_v ON public.t USING btree (v) WITH (fillfactor='50');

ALTER TABLE public.t CLUSTER ON t_v;


--
-- Name: INDEX t_v; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON INDEX public.t_v IS 'idx';


--
-- Name: p1_at_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.p_at_idx ATTACH PARTITION public.p1_at_idx;


--
-- Name: pd_at_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.p_at_idx ATTACH PARTITION public.pd_at_idx;


--
-- Name: st; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.st ON id, v FROM public.t;
ALTER STATISTICS public.st SET STATISTICS 50;



--
-- Name: t tr; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tr AFTER INSERT ON public.t REFERENCING NEW TABLE AS newrows FOR EACH STATEMENT EXECUTE FUNCTION public.f();

ALTER TABLE public.t DISABLE TRIGGER tr;


--
-- Name: TRIGGER tr ON t; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TRIGGER tr ON public.t IS 'trg';


--
-- PostgreSQL database dump complete
--


