CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE task (id int, s status NOT NULL DEFAULT 'new', CHECK (s <> 'done' OR id > 0));
CREATE INDEX task_open ON task (id) WHERE s = 'new';
