CREATE TABLE keep (id int);
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)




--
-- Name: l; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.l (
    id integer NOT NULL,
    v integer
);



--
-- Name: l_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE UNLOGGED SEQUENCE public.l_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: l_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.l_id_seq OWNED BY public.l.id;


--
-- Name: l id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.l ALTER COLUMN id SET DEFAULT nextval('public.l_id_seq'::regclass);


--
-- PostgreSQL database dump complete
--


