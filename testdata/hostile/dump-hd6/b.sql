CREATE TABLE keep (id int);
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)


--
-- Name: api; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA api;



--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;


--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';


--
-- Name: file_fdw; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS file_fdw WITH SCHEMA public;


--
-- Name: EXTENSION file_fdw; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION file_fdw IS 'foreign-data wrapper for flat file access';


--
-- Name: hstore; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public;


--
-- Name: EXTENSION hstore; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION hstore IS 'data type for storing sets of (key, value) pairs';


--
-- Name: ltree; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;


--
-- Name: EXTENSION ltree; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION ltree IS 'data type for hierarchical tree-like structures';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: postgres_fdw; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS postgres_fdw WITH SCHEMA public;


--
-- Name: EXTENSION postgres_fdw; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION postgres_fdw IS 'foreign-data wrapper for remote PostgreSQL servers';


--
-- Name: uuid-ossp; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;


--
-- Name: EXTENSION "uuid-ossp"; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';


--
-- Name: mood; Type: TYPE; Schema: api; Owner: postgres
--

CREATE TYPE api.mood AS ENUM (
    'ok'
);



--
-- Name: et_fn(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.et_fn() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'ddl'; END$$;



--
-- Name: myheap; Type: ACCESS METHOD; Schema: -; Owner: -
--



--
-- Name: myconv; Type: CONVERSION; Schema: public; Owner: postgres
--




--
-- Name: files; Type: SERVER; Schema: -; Owner: postgres
--

CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;



--
-- Name: remote; Type: SERVER; Schema: -; Owner: postgres
--

CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (
    dbname 'x',
    host 'localhost',
    port '5432'
);



--
-- Name: USER MAPPING public SERVER remote; Type: USER MAPPING; Schema: -; Owner: postgres
--

CREATE USER MAPPING FOR public SERVER remote OPTIONS (
    password 'p',
    "user" 'u'
);




--
-- Name: gen; Type: TABLE; Schema: api; Owner: postgres
--

CREATE TABLE api.gen (
    a text COLLATE pg_catalog."C",
    b text GENERATED ALWAYS AS (upper(a)) STORED
);




--
-- Name: am_t; Type: TABLE; Schema: public; Owner: postgres
--




--
-- Name: csv; Type: FOREIGN TABLE; Schema: public; Owner: postgres
--

CREATE FOREIGN TABLE public.csv (
    a integer,
    b text
)
SERVER files
OPTIONS (
    filename '/tmp/x.csv',
    format 'csv'
);



--
-- Name: ft; Type: FOREIGN TABLE; Schema: public; Owner: postgres
--

CREATE FOREIGN TABLE public.ft (
    id integer,
    v text
)
SERVER remote
OPTIONS (
    schema_name 'public',
    table_name 't'
);
ALTER FOREIGN TABLE public.ft ALTER COLUMN id OPTIONS (
    column_name 'rid'
);




--
-- Name: users; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.users (
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    email public.citext,
    attrs public.hstore,
    path public.ltree
);



--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users_attrs; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX users_attrs ON public.users USING gin (attrs);


--
-- Name: users_email_trgm; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX users_email_trgm ON public.users USING gin (email public.gin_trgm_ops);


--
-- Name: users_path; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX users_path ON public.users USING gist (path);


--
-- Name: SCHEMA api; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA api TO PUBLIC;


--
-- Name: TYPE mood; Type: ACL; Schema: api; Owner: postgres
--

REVOKE ALL ON TYPE api.mood FROM PUBLIC;


--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: api; Owner: postgres
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA api GRANT ALL ON FUNCTIONS  TO PUBLIC;


--
-- Name: DEFAULT PRIVILEGES FOR TYPES; Type: DEFAULT ACL; Schema: -; Owner: postgres
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON TYPES  FROM PUBLIC;


--
-- Name: et; Type: EVENT TRIGGER; Schema: -; Owner: postgres
--

CREATE EVENT TRIGGER et ON ddl_command_end
         WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
   EXECUTE FUNCTION public.et_fn();

ALTER EVENT TRIGGER et DISABLE;



--
-- PostgreSQL database dump complete
--



