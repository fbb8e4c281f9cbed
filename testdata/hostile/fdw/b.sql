CREATE EXTENSION postgres_fdw;
CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'y', port '5433');
CREATE FOREIGN TABLE ft (id int NOT NULL, v text OPTIONS (column_name 'value'), w int) SERVER remote OPTIONS (table_name 'ft2');
CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS (user 'app');
