CREATE TYPE st AS ENUM ('draft', 'live');
CREATE TABLE doc (s st DEFAULT 'draft');
