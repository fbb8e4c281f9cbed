CREATE TABLE keep (id int);
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)


--
-- Name: app; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA app;



--
-- Name: ci; Type: COLLATION; Schema: app; Owner: postgres
--

CREATE COLLATION app.ci (provider = icu, deterministic = false, locale = 'und-u-ks-level2');



--
-- Name: COLLATION ci; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON COLLATION app.ci IS 'ci';


--
-- Name: pos; Type: DOMAIN; Schema: app; Owner: postgres
--

CREATE DOMAIN app.pos AS integer NOT NULL DEFAULT 1
	CONSTRAINT pos_check CHECK ((VALUE > 0));



--
-- Name: CONSTRAINT pos_check ON DOMAIN pos; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON CONSTRAINT pos_check ON DOMAIN app.pos IS 'positive';


--
-- Name: sd(); Type: FUNCTION; Schema: app; Owner: postgres
--

CREATE FUNCTION app.sd() RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'app', 'pg_temp'
    AS $$SELECT 1$$;



--
-- Name: tf(); Type: FUNCTION; Schema: app; Owner: postgres
--

CREATE FUNCTION app.tf() RETURNS trigger
    LANGUAGE plpgsql
    AS $$BEGIN RETURN NULL; END$$;





--
-- Name: log; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.log (
    msg text
);



--
-- Name: t; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.t (
    id integer NOT NULL,
    v text,
    n integer
);



--
-- Name: mv; Type: MATERIALIZED VIEW; Schema: app; Owner: postgres
--

CREATE MATERIALIZED VIEW app.mv
WITH (fillfactor='70') AS
 SELECT t.id,
    t.n
   FROM app.t
  WITH NO DATA;



--
-- Name: MATERIALIZED VIEW mv; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON MATERIALIZED VIEW app.mv IS 'mv';


--
-- Name: people; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.people (
    name text COLLATE app.ci,
    age app.pos
);



--
-- Name: small; Type: SEQUENCE; Schema: app; Owner: postgres
--

CREATE SEQUENCE app.small
    AS smallint
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;



--
-- Name: small; Type: SEQUENCE OWNED BY; Schema: app; Owner: postgres
--

ALTER SEQUENCE app.small OWNED BY app.people.age;


--
-- Name: vc; Type: VIEW; Schema: app; Owner: postgres
--

CREATE VIEW app.vc AS
 SELECT t.id,
    t.v
   FROM app.t
  WHERE (t.n > 0)
  WITH CASCADED CHECK OPTION;



--
-- Name: COLUMN vc.v; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON COLUMN app.vc.v IS 'view col';


--
-- Name: t t_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);


--
-- Name: mv_n; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX mv_n ON app.mv USING btree (n) WHERE (n > 10);


--
-- Name: INDEX mv_n; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON INDEX app.mv_n IS 'mv idx';


--
-- Name: st; Type: STATISTICS; Schema: app; Owner: postgres
--

CREATE STATISTICS app.st ON id, (n + 1) FROM app.t;



--
-- Name: STATISTICS st; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON STATISTICS app.st IS 'stats';


--
-- Name: vc t_ins; Type: RULE; Schema: app; Owner: postgres
--

CREATE RULE t_ins AS
    ON INSERT TO app.vc DO INSTEAD  INSERT INTO app.t (id, v, n)
  VALUES (new.id, new.v, 1);


--
-- Name: RULE t_ins ON vc; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON RULE t_ins ON app.vc IS 'route';


--
-- Name: t t_stmt; Type: TRIGGER; Schema: app; Owner: postgres
--

CREATE TRIGGER t_stmt AFTER UPDATE ON app.t REFERENCING OLD TABLE AS o NEW TABLE AS nw FOR EACH STATEMENT EXECUTE FUNCTION app.tf();


--
-- Name: t t_when; Type: TRIGGER; Schema: app; Owner: postgres
--

CREATE TRIGGER t_when AFTER UPDATE ON app.t FOR EACH ROW WHEN ((old.n IS DISTINCT FROM new.n)) EXECUTE FUNCTION app.tf();


--
-- Name: TRIGGER t_when ON t; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON TRIGGER t_when ON app.t IS 'when';


--
-- Name: t p_read; Type: POLICY; Schema: app; Owner: postgres
--

CREATE POLICY p_read ON app.t FOR SELECT USING ((n > 0));


--
-- Name: POLICY p_read ON t; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON POLICY p_read ON app.t IS 'readers';


--
-- Name: t; Type: ROW SECURITY; Schema: app; Owner: postgres
--

ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;

--
-- Name: pub_schema; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION pub_schema WITH (publish = 'insert, update, delete, truncate');



--
-- Name: PUBLICATION pub_schema; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON PUBLICATION pub_schema IS 'pub';


--
-- Name: pub_schema app; Type: PUBLICATION TABLES IN SCHEMA; Schema: app; Owner: postgres
--

ALTER PUBLICATION pub_schema ADD TABLES IN SCHEMA app;


--
-- Name: SEQUENCE small; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT ON SEQUENCE app.small TO PUBLIC;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: app; Owner: postgres
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT SELECT ON SEQUENCES  TO PUBLIC;


--
-- PostgreSQL database dump complete
--


