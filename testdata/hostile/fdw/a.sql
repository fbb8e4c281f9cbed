CREATE EXTENSION postgres_fdw;
CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'x');
CREATE FOREIGN TABLE ft (id int, v text) SERVER remote OPTIONS (table_name 'ft');
