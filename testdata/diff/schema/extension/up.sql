CREATE SCHEMA app;

CREATE EXTENSION citext WITH SCHEMA public;

CREATE TABLE app.users (
    email public.citext NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (email)
);
