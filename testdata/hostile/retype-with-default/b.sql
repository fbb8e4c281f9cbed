CREATE TYPE task_status AS ENUM ('new', 'doing', 'done');
CREATE TABLE tasks (
    id int PRIMARY KEY,
    status task_status NOT NULL DEFAULT 'new',
    urgent integer DEFAULT 0,
    meta jsonb DEFAULT '{}'::jsonb
);
CREATE INDEX tasks_status ON tasks (status) WHERE status <> 'done';
