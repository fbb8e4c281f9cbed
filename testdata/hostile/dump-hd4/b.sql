CREATE TABLE keep (id int);
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)


--
-- Name: d; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.d AS integer;



--
-- Name: ty; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.ty AS (
	a integer,
	b text
);



--
-- Name: CAST (public.ty AS text); Type: CAST; Schema: -; Owner: -
--

CREATE CAST (public.ty AS text) WITH INOUT;


--
-- Name: f(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.f() RETURNS integer
    LANGUAGE sql
    SET search_path TO 'public', 'pg_temp'
    SET work_mem TO '64MB'
    AS $$SELECT 1$$;



--
-- Name: trg(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trg() RETURNS trigger
    LANGUAGE plpgsql
    AS $$BEGIN RETURN NEW; END$$;



--
-- Name: mysum(integer); Type: AGGREGATE; Schema: public; Owner: postgres
--

CREATE AGGREGATE public.mysum(integer) (
    SFUNC = int4pl,
    STYPE = integer,
    INITCOND = '0'
);





--
-- Name: fk; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.fk (
    id integer
);



--
-- Name: gen; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gen (
    a integer,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED
);



--
-- Name: ident; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ident (
    id bigint NOT NULL
);

ALTER TABLE ONLY public.ident REPLICA IDENTITY FULL;



--
-- Name: ident_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.ident ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ident_id_seq
    START WITH 10
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 5
);


--
-- Name: t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t (
    id integer NOT NULL,
    v text
);



--
-- Name: mv; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mv AS
 SELECT t.id
   FROM public.t
  WITH NO DATA;



--
-- Name: part; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part (
    id integer,
    k text
)
PARTITION BY LIST (k);



--
-- Name: part_a; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_a (
    id integer,
    k text
)
PARTITION BY RANGE (id);



--
-- Name: part_a1; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.part_a1 (
    id integer,
    k text
);



--
-- Name: rv; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.rv AS
 SELECT t.id,
    t.v
   FROM public.t;



--
-- Name: typed; Type: TABLE; Schema: public; Owner: postgres
--




--
-- Name: part_a; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.part ATTACH PARTITION public.part_a FOR VALUES IN ('a');


--
-- Name: part_a1; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.part_a ATTACH PARTITION public.part_a1 FOR VALUES FROM (0) TO (10);


--
-- Name: d d_pos; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER DOMAIN public.d
    ADD CONSTRAINT d_pos CHECK ((VALUE > 0)) NOT VALID;


--
-- Name: ident ident_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.ident
    ADD CONSTRAINT ident_pkey PRIMARY KEY (id);


--
-- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);


--
-- Name: typed typed_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--



--
-- Name: mv_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX mv_id ON public.mv USING btree (id);



--
-- Name: t_expr; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_expr ON public.t USING btree (lower(v));


--
-- Name: t r1; Type: RULE; Schema: public; Owner: postgres
--

CREATE RULE r1 AS
    ON UPDATE TO public.t DO
 NOTIFY t;
ALTER TABLE public.t DISABLE RULE r1;


--
-- Name: t a1; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER a1 BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.trg();

ALTER TABLE public.t ENABLE ALWAYS TRIGGER a1;


--
-- Name: t a2; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER a2 BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.trg();

ALTER TABLE public.t ENABLE REPLICA TRIGGER a2;


--
-- Name: fk fk_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.fk
    ADD CONSTRAINT fk_id_fkey FOREIGN KEY (id) REFERENCES public.t(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- PostgreSQL database dump complete
--


