CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, full_name varchar(50));
CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE VIEW user_names AS SELECT id, full_name FROM users;
