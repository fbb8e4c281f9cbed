-- A foreign-data wrapper whose validator requires options when the object
-- is created (file_fdw's filename): creation gives them in its OPTIONS
-- list, changes give them with ALTER.
CREATE EXTENSION file_fdw;
CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
CREATE FOREIGN TABLE imports (id int, "note's" text OPTIONS (force_not_null 'true'))
    SERVER files OPTIONS (filename '/tmp/it''s.csv', format 'csv', header 'true');
