CREATE TYPE st AS ENUM ('draft', 'old', 'live');
CREATE TABLE doc (s st DEFAULT 'old');
