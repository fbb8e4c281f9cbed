DROP TABLE app.users;

DROP EXTENSION citext;

DROP SCHEMA app;
