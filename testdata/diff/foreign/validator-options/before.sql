-- A foreign-data wrapper whose validator requires options when the object
-- is created (file_fdw's filename): creation gives them in its OPTIONS
-- list, changes give them with ALTER.
CREATE EXTENSION file_fdw;
CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
