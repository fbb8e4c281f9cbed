CREATE TABLE keep (id int);
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)




--
-- Name: t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t (
    id integer NOT NULL,
    v text,
    n numeric
);
ALTER TABLE ONLY public.t ALTER COLUMN v SET COMPRESSION pglz;
ALTER TABLE ONLY public.t ALTER COLUMN n SET STATISTICS 500;



--
-- Name: c; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.c (
)
INHERITS (public.t);
ALTER TABLE ONLY public.c ALTER COLUMN v SET COMPRESSION pglz;



--
-- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--


