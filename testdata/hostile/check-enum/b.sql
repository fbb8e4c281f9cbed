CREATE TYPE status AS ENUM ('new', 'doing', 'done');
CREATE TABLE task (id int, s status NOT NULL DEFAULT 'new', CHECK (s <> 'done' OR id > 0));
CREATE INDEX task_open ON task (id) WHERE s IN ('new', 'doing');
